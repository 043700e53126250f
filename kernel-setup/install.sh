#!/usr/bin/env bash
# Installs the pyport Java kernel (kernelspec "java") for Jupyter.
#   kernel-setup/install.sh [--user | --sys-prefix | --prefix PREFIX]      (default: --user)
# --user honours JUPYTER_DATA_DIR; PYPORT_JUPYTER_PYTHON picks the python running Jupyter; PYPORT_JAVA=/path/to/bin/java forces a JDK (>= 17) instead of the newest.
# Builds with Maven when sources changed, picks the newest JDK >= 17,
# copies the jars into the kernelspec and skips everything that is already up to date.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
mode="--user"
prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --user|--sys-prefix) mode="$1" ;;
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a directory" >&2; exit 2; }
              mode="--prefix"; prefix="$2"; shift ;;
    --prefix=*) mode="--prefix"; prefix="${1#--prefix=}" ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (use --user, --sys-prefix or --prefix PREFIX)" >&2; exit 2 ;;
  esac
  shift
done

say() { echo "install.sh: $*"; }
die() { echo "install.sh: error: $*" >&2; exit 1; }

# ---- the newest JDK >= 17 (JAVA_HOME, /usr/lib/jvm/*, PATH); jdk.jshell is required -----------------
java_feature() {  # prints the feature version of a java binary, or nothing
  { "$1" -XshowSettings:properties -version 2>&1 || true; } | sed -n 's/^ *java\.specification\.version = \(1\.\)\{0,1\}\([0-9]*\).*/\2/p' | head -n1
}
best_java=""; best_version=0; seen=""
candidates=()
if [ -n "${PYPORT_JAVA:-}" ]; then
  [ -x "$PYPORT_JAVA" ] || die "PYPORT_JAVA=$PYPORT_JAVA is not an executable"
  v="$(java_feature "$PYPORT_JAVA")"
  [ -n "$v" ] && [ "$v" -ge 17 ] || die "PYPORT_JAVA=$PYPORT_JAVA is Java ${v:-?}; Java 17 or newer is required"
  candidates=("$PYPORT_JAVA")
else
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
for d in /usr/lib/jvm/*/; do candidates+=("${d}bin/java"); done
command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
fi
for c in "${candidates[@]}"; do
  [ -x "$c" ] || continue
  real="$(readlink -f "$c")"
  case " $seen " in *" $real "*) continue ;; esac
  seen="$seen $real"
  v="$(java_feature "$real")"
  [ -n "$v" ] || continue
  if [ "$v" -lt 17 ]; then say "ignoring $real (Java $v < 17)"; continue; fi
  [ -x "$(dirname "$real")/jshell" ] || [ -x "$(dirname "$real")/javac" ] || { say "ignoring $real (a JRE without jdk.jshell)"; continue; }
  if [ "$v" -gt "$best_version" ]; then best_java="$real"; best_version="$v"; fi
done
[ -n "$best_java" ] || die "no JDK 17 or newer found (looked at JAVA_HOME, /usr/lib/jvm/*, PATH). Install a JDK >= 17 or set JAVA_HOME."
say "using Java $best_version: $best_java"

# ---- a Python that can run Jupyter ---------------------------------------------------------------
py=""
for p in ${PYPORT_JUPYTER_PYTHON:-} "$root/build/venv/bin/python" python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import jupyter_client, jupyter_core' >/dev/null 2>&1; then py="$p"; break; fi
done
[ -n "$py" ] || die "no python3 with jupyter_client found (tried python3, /usr/bin/python3)"

# ---- build when sources are newer than the jars ----------------------------------------------------
# (a stamp file records the last successful build: Maven leaves unchanged jars untouched)
build_stamp="$root/build/.kernel-build-stamp"
kernel_jar="$(ls "$root"/kernel-setup/kernel/target/pyport-kernel-*.jar 2>/dev/null | head -n1 || true)"
lib_jar="$(ls "$root"/lib/target/pyport-lib-*.jar 2>/dev/null | head -n1 || true)"
need_build=0
if [ -z "$kernel_jar" ] || [ -z "$lib_jar" ] || [ ! -f "$build_stamp" ]; then
  need_build=1
elif [ -n "$(find "$root/pom.xml" "$root/lib/pom.xml" "$root/lib/src/main" "$root/kernel-setup/kernel/pom.xml" \
              "$root/kernel-setup/kernel/src/main" -newer "$build_stamp" -type f -print -quit 2>/dev/null)" ]; then
  need_build=1
fi
if [ "$need_build" = 1 ]; then
  say "building with Maven"
  mkdir -p "$root/build"
  touch "$build_stamp.new"
  (cd "$root" && mvn -q -B package -DskipTests) || die "Maven build failed"
  mv "$build_stamp.new" "$build_stamp"
  kernel_jar="$(ls "$root"/kernel-setup/kernel/target/pyport-kernel-*.jar | head -n1)"
  lib_jar="$(ls "$root"/lib/target/pyport-lib-*.jar | head -n1)"
fi

# ---- stage the kernelspec ---------------------------------------------------------------------------
stage="$root/build/kernelspec/java"
rm -rf "$stage"
# jars/: the kernel and what only it uses (sockets, JSON, logging: hidden from cells); lib/: the helper library and its
# dependencies, which cells see after what the notebook adds (see "What notebook code gets" in the README)
mkdir -p "$stage/jars" "$stage/lib"
cp "$lib_jar" "$stage/lib/"
if ls "$root"/lib/target/dist/*.jar >/dev/null 2>&1; then cp "$root"/lib/target/dist/*.jar "$stage/lib/"; fi
cp "$kernel_jar" "$stage/jars/"
for jar in "$root"/kernel-setup/kernel/target/dist/*.jar; do
  [ -e "$stage/lib/$(basename "$jar")" ] || cp "$jar" "$stage/jars/"
done
cp "$root/kernel-setup/compiler-directives.json" "$stage/"

# Start-up cache made at install by a training run (see below): JDK 25+ has the AOT cache (JEP 483/514/515:
# classes loaded and linked, method profiles), older JDKs a dynamic class data sharing archive.
if [ "$best_version" -ge 25 ]; then
  cache_file="pyport.aot"; cache_use="-XX:AOTCache={resource_dir}/pyport.aot"
else
  cache_file="pyport.jsa"; cache_use="-XX:SharedArchiveFile={resource_dir}/pyport.jsa"
fi
# JDK 24+ warns when a library calls sun.misc.Unsafe's memory methods (classgraph, used by Tablesaw and
# Hazelcast, does; JEP 498). The flag that allows them quietly is unknown to JDK 17-23, which refuse to start with it.
unsafe_flag=""
if [ "$best_version" -ge 24 ]; then unsafe_flag="--sun-misc-unsafe-memory-access=allow"; fi
# Interrupts stop a thread running inside the JDK (a regex backtracking for ever) with JVM TI's StopThread, as
# Thread.stop did until JDK 19 (and, on every JDK, stop a compilation that does not end without javac reporting
# a compiler bug): a small JNI library (exec.JvmtiThreadStop), built here when a C compiler is there.
# JDK 24+ warns when a library is loaded unless native access is enabled (JEP 472); 17-23 need no flag.
java_home="$(dirname "$(dirname "$best_java")")"
case "$(uname -s)" in
  Darwin) stop_lib=libpyport-threadstop.dylib; cc_args=(-dynamiclib -I"$java_home/include/darwin") ;;
  *) stop_lib=libpyport-threadstop.so; cc_args=(-shared -fPIC -I"$java_home/include/linux") ;;
esac
if command -v "${CC:-cc}" >/dev/null 2>&1 && "${CC:-cc}" "${cc_args[@]}" -O2 -I"$java_home/include" \
     -o "$stage/$stop_lib" "$here/kernel/src/main/c/pyport_threadstop.c" 2>"$root/build/threadstop-cc.log"; then
  rm -f "$root/build/threadstop-cc.log"
else
  say "warning: no C compiler could build $stop_lib (see build/threadstop-cc.log): interrupts cannot stop code running inside the JDK"
  [ "$best_version" -ge 20 ] || say "(on Java $best_version, Thread.stop does, but javac reports a stopped compilation as a compiler bug)"
  stop_lib=""
fi
native_flag=""
if [ "$best_version" -ge 24 ]; then native_flag="--enable-native-access=ALL-UNNAMED"; fi
# JVM options of the kernel, also given to the training run (the AOT cache requires the same module options):
# - C2 leaves javac, JShell and the zip/jrt file systems javac reads to C1 (compiler-directives.json): in a fresh
#   JVM it otherwise spends seconds of CPU on them during the first hundreds of cells, competing with the cells;
#   the kernel adds them at start as a diagnostic command (CompilerDirectives, needs jdk.management opened), since
#   -XX:CompilerDirectivesFile prints "1 compiler directives added" on stdout, in every Jupyter server log;
# - JShell's class path indexer is paused while cells run (IndexingPause), and the class files of expressions are
#   forgotten (CompiledSnippetClasses): both need jdk.jshell opened to us;
# - JShell compiles against the jars' class files unpacked into one folder (made below): javac walks every entry of
#   every jar on its class path before its first compilation, and only looks into a folder for the packages it needs.
# One list for both; @DIR@ stands for the kernelspec's folder ({resource_dir} in kernel.json).
jvm_opts=(-Djava.awt.headless=true -Dfile.encoding=UTF-8 -XX:+UseSerialGC
          "-Dpyport.compilerDirectives=@DIR@/compiler-directives.json"
          --add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED --add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED
          "-Dpyport.compileClasses=@DIR@/classes" "-Dpyport.library=@DIR@/lib")
if [ -n "$unsafe_flag" ]; then jvm_opts+=("$unsafe_flag"); fi
# Heap limit: a cell that fills the heap fails with an OutOfMemoryError (and the kernel goes on) instead of growing
# the kernel to a quarter of the machine's memory, the JVM's default. Default: that quarter, at most 2 GB (the JVM
# sees a container's memory limit, e.g. on Binder). PYPORT_KERNEL_HEAP=4g (or 512m...) here sets another; a kernel
# started with PYPORT_JVM_OPTS=-Xmx4g in its environment gets that instead (kernel.sh). See README "Heap limit".
if [ -n "${PYPORT_KERNEL_HEAP:-}" ]; then
  heap="$PYPORT_KERNEL_HEAP"
  [[ "$heap" =~ ^[1-9][0-9]*[mMgG]$ ]] || die "PYPORT_KERNEL_HEAP=$heap: give a size such as 512m or 4g"
else
  jvm_heap_mb=$(( $("$best_java" -XX:+UseSerialGC -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxHeapSize" { print $4 }') / 1048576 ))
  heap="$(( jvm_heap_mb > 0 && jvm_heap_mb < 2048 ? jvm_heap_mb : 2048 ))m"
fi
# -ShrinkHeapInSteps: the full collection after an out-of-memory cell (exec.OutOfMemory) gives the memory back at once
jvm_opts+=("-Xmx$heap" -XX:-ShrinkHeapInSteps)
if [ -n "$stop_lib" ]; then jvm_opts+=("-Dpyport.threadStopLibrary=@DIR@/$stop_lib"); fi
if [ -n "$native_flag" ]; then jvm_opts+=("$native_flag"); fi
json_list() { "$py" -c 'import json,sys; print(", ".join(json.dumps(a) for a in sys.argv[1:]))' "$@"; }
json_str() { "$py" -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$1"; }
# The kernel starts through a small sh launcher: TMPDIR (when it is a folder) becomes java.io.tmpdir. The JVM
# ignores TMPDIR on Linux, reads java.io.tmpdir once at start (setting it in main is too late for
# Files.createTempFile), and Jupyter does not expand variables in kernel.json's argv.
# The java binary is the launcher's first argument, so kernel.json names the JDK it runs on.
cat > "$stage/kernel.sh" <<'SH'
# pyport kernel launcher (written by install.sh): JAVA ARGS... runs java with TMPDIR as java.io.tmpdir, and the
# options of PYPORT_JVM_OPTS, IJAVA_JVM_OPTS and JJAVA_JVM_OPTS (split at spaces) after the kernel's own, before -cp.
java=$1; shift
extra="${PYPORT_JVM_OPTS:-} ${IJAVA_JVM_OPTS:-} ${JJAVA_JVM_OPTS:-}"
if [ -n "${TMPDIR:-}" ]; then
  if [ -d "$TMPDIR" ]; then
    extra="-Djava.io.tmpdir=$TMPDIR $extra"
  else
    echo "pyport kernel: TMPDIR=$TMPDIR is not a folder; ignored" >&2
  fi
fi
set -f
n=$#
for arg in "$@"; do
  if [ "$arg" = "-cp" ]; then set -- "$@" $extra; fi
  set -- "$@" "$arg"
done
shift "$n"
exec "$java" "$@"
SH
# The kernel's jar is also its agent (ClassRedefinition): JShell redefines a declaration's class in place when it
# compiles it again (after an import, a method declared again...), keeping its variable's value; without it a local
# engine like the kernel's replaces the class and the variable is reset.
agent_opt="-javaagent:@DIR@/jars/$(basename "$kernel_jar")"
jvm_opts+=("$agent_opt")
cat > "$stage/kernel.json" <<JSON
{
  "argv": ["/bin/sh", "{resource_dir}/kernel.sh", $(json_str "$best_java"),
           $(json_list "${jvm_opts[@]//@DIR@/\{resource_dir\}}" "$cache_use"),
           "-cp", "{resource_dir}/jars/*:{resource_dir}/lib/*", "org.pyport.kernel.KernelMain", "{connection_file}"],
  "display_name": "Java",
  "language": "java",
  "interrupt_mode": "message",
  "metadata": {"pyport": {"java_version": "$best_version", "java_runtime": $(json_str "$("$best_java" -version 2>&1 | head -n 2 | tail -n 1)")}}
}
JSON

# ---- install unless the installed copy is identical ------------------------------------------------
case "$mode" in
  --user) data_dir="${JUPYTER_DATA_DIR:-$("$py" -c 'from jupyter_core.paths import jupyter_data_dir; print(jupyter_data_dir())')}" ;;
  --sys-prefix) data_dir="$("$py" -c 'import sys; print(sys.prefix)')/share/jupyter" ;;
  --prefix) data_dir="$prefix/share/jupyter" ;;
esac
target="$data_dir/kernels/java"
stamp() { (cd "$1" && find . -type f ! -name .stamp -printf '%P %s\n' | sort && cat kernel.json && cksum jars/* lib/* | sort) 2>/dev/null | cksum; }
new_stamp="$(stamp "$stage")"
if [ -f "$target/.stamp" ] && [ "$(cat "$target/.stamp")" = "$new_stamp" ]; then
  say "kernel 'java' already up to date in $target"
  exit 0
fi
args=(--name java)
case "$mode" in
  --user) args+=(--user) ;;
  --sys-prefix) args+=(--sys-prefix) ;;
  --prefix) args+=(--prefix "$prefix") ;;
esac
"$py" -m jupyter_client.kernelspecapp install "${args[@]}" "$stage" >/dev/null
# The class files cells compile against, in one folder, for JShell's compiler (the kernel uses the jars when it is
# missing): all of the helper library's jars, and of the kernel's only its notebook API (the packages below, as
# exec.KernelApiLoader lets cells load them). The first jar holding a class wins, in sorted order; made aside and
# renamed, so it is never half there.
if "$py" - "$target" <<'PY'
import os, shutil, sys, zipfile
target = sys.argv[1]
out = os.path.join(target, "classes")
api = ("org/pyport/kernel/runtime/", "io/github/spencerpark/", "org/dflib/jjava/jupyter/kernel/",
       "org/dflib/jjava/jupyter/Extension.class")
tmp = out + ".part"
shutil.rmtree(tmp, ignore_errors=True)
for folder, wanted in (("lib", None), ("jars", api)):
    jars = os.path.join(target, folder)
    for jar in sorted(f for f in os.listdir(jars) if f.endswith(".jar")):
        with zipfile.ZipFile(os.path.join(jars, jar)) as z:
            for name in z.namelist():
                if (name.endswith(".class") and not name.startswith("META-INF/")
                        and name.rsplit("/", 1)[-1] != "module-info.class" and ".." not in name.split("/")
                        and (wanted is None or name.startswith(wanted))):
                    dest = os.path.join(tmp, name)
                    if not os.path.exists(dest):
                        os.makedirs(os.path.dirname(dest), exist_ok=True)
                        with z.open(name) as src, open(dest, "wb") as dst:
                            shutil.copyfileobj(src, dst)
shutil.rmtree(out, ignore_errors=True)
os.rename(tmp, out)
PY
then :; else say "warning: no class folder for the compiler; the kernel compiles against the jars, starting slower"; fi
# The start-up cache of what a kernel loads (JShell, javac): shorter cold starts. Made from the installed jars
# (the cache records their paths); without it the JVM just starts without it.
# JDK 25's training run has the kernel's agent too (the cache records the java.instrument module it adds); JDK 17-24
# make a dynamic archive with an agent only with a diagnostic option, and then warn at every start that it is for
# testing: theirs is made without it, and serves the kernel started with it.
train_opts=()
for opt in "${jvm_opts[@]}"; do
  if [ "$cache_file" = pyport.jsa ] && [ "$opt" = "$agent_opt" ]; then continue; fi
  train_opts+=("$opt")
done
if [ "$cache_file" = pyport.aot ]; then cache_make="-XX:AOTCacheOutput=$target/pyport.aot"
else cache_make="-XX:ArchiveClassesAtExit=$target/pyport.jsa"; fi
if "$best_java" "$cache_make" "${train_opts[@]//@DIR@/$target}" \
     -cp "$target/jars/*:$target/lib/*" org.pyport.kernel.KernelMain --warmup >/dev/null 2>"$target/.cds.log"; then
  rm -f "$target/.cds.log"
else
  say "warning: no start-up cache (see $target/.cds.log); the kernel still works, starting slower"
fi
echo "$new_stamp" > "$target/.stamp"
say "installed kernel 'java' in $target"
