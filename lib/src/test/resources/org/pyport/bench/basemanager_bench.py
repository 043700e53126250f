# The queue benchmark for Python's multiprocessing.managers.BaseManager, the same workload as
# org.pyport.bench.QueueBench runs for the Java systems:
#   W worker processes take n from task_queue and put n*n into result_queue;
#   latency: one task in flight, put -> worker -> result get;
#   throughput: the master puts a batch of B tasks, then gets B results, repeated.
# Usage: python3 basemanager_bench.py WORKERS WARM_S LATENCY_S THROUGHPUT_S BATCH
# Prints one JSON line. Binds 127.0.0.1 on a free port; every process is joined before exit.
import json, multiprocessing as mp, os, queue, statistics, sys, time
from multiprocessing.managers import BaseManager

task_queue = queue.Queue()
result_queue = queue.Queue()

def get_task_queue():
    return task_queue

def get_result_queue():
    return result_queue

class QueueManager(BaseManager):
    pass

def worker(address, authkey):
    class WorkerManager(BaseManager):
        pass
    WorkerManager.register('get_task_queue')
    WorkerManager.register('get_result_queue')
    m = WorkerManager(address=address, authkey=authkey)
    m.connect()
    task, result = m.get_task_queue(), m.get_result_queue()
    result.put('ready')
    while True:
        n = task.get()
        if n < 0:
            break
        result.put(n * n)

def cpu_seconds(pids):
    """User + system CPU time of these processes (Linux /proc); None elsewhere."""
    try:
        total = 0
        for pid in pids:
            with open('/proc/%d/stat' % pid) as f:
                fields = f.read().rsplit(')', 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / os.sysconf('SC_CLK_TCK')
    except (OSError, ValueError, IndexError):
        return None

def batches(task, result, seconds, batch):
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for i in range(batch):
            task.put(i)
        for i in range(batch):
            result.get(timeout=30)
        done += batch
    return done, time.perf_counter() - start

def main():
    workers, warm, lat_s, thr_s, batch = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
    QueueManager.register('get_task_queue', callable=get_task_queue)
    QueueManager.register('get_result_queue', callable=get_result_queue)
    authkey = os.urandom(16)
    manager = QueueManager(address=('127.0.0.1', 0), authkey=authkey)
    manager.start()
    procs = [mp.Process(target=worker, args=(manager.address, authkey)) for _ in range(workers)]
    try:
        for p in procs:
            p.start()
        task, result = manager.get_task_queue(), manager.get_result_queue()
        for _ in procs:
            result.get(timeout=60)
        batches(task, result, warm, batch)
        lat, end = [], time.perf_counter() + lat_s
        while time.perf_counter() < end:
            s = time.perf_counter()
            task.put(7)
            result.get(timeout=30)
            lat.append(time.perf_counter() - s)
        # every process of the system: this master, the manager's server process, the workers
        pids = [os.getpid(), manager._process.pid] + [p.pid for p in procs]
        cpu0 = cpu_seconds(pids)
        done, elapsed = batches(task, result, thr_s, batch)
        cpu1 = cpu_seconds(pids)
        for _ in procs:
            task.put(-1)
        for p in procs:
            p.join(30)
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
                p.join()
        manager.shutdown()
    lat.sort()
    print(json.dumps({'system': "Python BaseManager", 'workers': workers, 'tasks': done,
                      'seconds': elapsed, 'tasks_per_second': done / elapsed,
                      'latency_median_us': statistics.median(lat) * 1e6,
                      'latency_p90_us': lat[int(len(lat) * 0.9)] * 1e6,
                      'cpu_us_per_task': (cpu1 - cpu0) / done * 1e6 if cpu0 is not None and cpu1 is not None else float('nan')}))

if __name__ == '__main__':
    main()
