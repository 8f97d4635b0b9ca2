"""Live mode: the model's pool on real named threads, real files, sockets and child processes.

    rt = LiveRuntime(pool_size)        # tui.core.live.runtime
    driver = LiveDriver(rt)            # tui.core.live.driver
    rt.start(main)                     # main(): fire operations through NodeAPI(rt)
    driver.pump() / driver.run_until_idle(timeout)
    rt.shutdown()                      # always: also from signal handlers (shutdown.py)
"""
