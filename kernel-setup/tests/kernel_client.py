"""Small helpers to drive the installed 'java' kernel with jupyter_client."""
import os
import time
import unittest

from jupyter_client.manager import start_new_kernel


def start(kernel_name="java", **kwargs):
    """Starts the kernel (kwargs go to KernelManager.start_kernel, e.g. env); returns (manager, client) ready."""
    return start_new_kernel(kernel_name=kernel_name, startup_timeout=120, **kwargs)


def run(kc, code, timeout=60):
    """Executes code and collects its iopub output until idle; returns (reply content, [(msg_type, content)])."""
    msg_id = kc.execute(code)
    outputs = []
    deadline = time.time() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        if msg["msg_type"] in ("stream", "execute_result", "display_data", "update_display_data", "clear_output", "error"):
            outputs.append((msg["msg_type"], msg["content"]))
    return shell_reply(kc, msg_id, timeout)["content"], outputs


def shell_reply(kc, msg_id, timeout=60):
    """The shell reply to request msg_id (skipping replies to other requests)."""
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def shown_stdout(outputs):
    """The stdout a front end shows after these outputs, applying clear_output as JupyterLab does (with wait, the
    clear happens when the next output arrives)."""
    shown, clear_on_next = [], False
    for t, c in outputs:
        if t == "clear_output":
            if c["wait"]:
                clear_on_next = True
            else:
                shown, clear_on_next = [], False
            continue
        if clear_on_next:
            shown, clear_on_next = [], False
        if t == "stream" and c["name"] == "stdout":
            shown.append(c["text"])
    return "".join(shown)


def stdout_of(outputs):
    return "".join(c["text"] for t, c in outputs if t == "stream" and c["name"] == "stdout")


def thread_cpu(pid, prefixes):
    """CPU seconds used so far by each thread of process pid whose name starts with one of prefixes (Java names
    the kernel's threads: pyport-cell-N for cells, pyport-shell for the shell loop)."""
    ticks = os.sysconf("SC_CLK_TCK")
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the thread ended meanwhile
        if name.startswith(prefixes):
            out[(tid, name)] = (int(fields[11]) + int(fields[12])) / ticks
    return out


class KernelTestCase(unittest.TestCase):
    """Tests sharing one kernel (self.km, self.kc), started with JShell ready and shut down at the end."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start()
        run(cls.kc, "1 + 1")

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)
