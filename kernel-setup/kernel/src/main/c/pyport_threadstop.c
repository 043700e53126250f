/*
 * JVM TI's StopThread for org.pyport.kernel.exec.JvmtiThreadStop: throws an exception into another thread, which
 * Thread.stop() did until JDK 20. A plain JNI library, loaded with System.load when a thread has to be stopped: it
 * gets a JVM TI environment with GetEnv (no agent, no JVM option) and asks for the one capability StopThread needs.
 * Built by kernel-setup/install.sh when a C compiler is there; without it interrupts cannot stop code running
 * inside the JDK on JDK 20+ (the kernel says so).
 */
#include <jni.h>
#include <jvmti.h>
#include <string.h>

static jvmtiEnv *jvmti;
static jint setup = -1; /* JVMTI_ERROR_NONE once the capability is ours */

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    jvmtiCapabilities caps;
    (void) reserved;
    if ((*vm)->GetEnv(vm, (void **) &jvmti, JVMTI_VERSION_1_2) != JNI_OK) {
        jvmti = NULL;
        return JNI_VERSION_1_8;
    }
    memset(&caps, 0, sizeof caps);
    caps.can_signal_thread = 1;
    setup = (*jvmti)->AddCapabilities(jvmti, &caps);
    return JNI_VERSION_1_8;
}

/* JVMTI_ERROR_NONE (0) when the exception was sent; otherwise the JVM TI error code, or -1 without JVM TI. */
JNIEXPORT jint JNICALL Java_org_pyport_kernel_exec_JvmtiThreadStop_stop0(JNIEnv *env, jclass cls, jthread thread,
                                                                      jthrowable exception) {
    (void) env;
    (void) cls;
    if (jvmti == NULL) {
        return -1;
    }
    if (setup != JVMTI_ERROR_NONE) {
        return setup;
    }
    return (*jvmti)->StopThread(jvmti, thread, exception);
}
