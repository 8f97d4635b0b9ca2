"""Live mode: the model's pool on real named threads, real files, sockets and child processes.

    rt = LiveRuntime(pool_size)        # runtime.py: wall clock, LiveExecutor, LiveLoopIO, a Poller
    driver = LiveDriver(rt)            # driver.py: pump()/advance() per frame, or run_until_idle()
    rt.start(main)                     # main(): fire operations through NodeAPI(rt)
    rt.shutdown()                      # always; shutdown.py routes SIGINT/SIGTERM/SIGHUP to it

Other threads never touch the model: workers post completions (rt.post)
and wake the poller; everything else runs on the thread that drives.
"""
