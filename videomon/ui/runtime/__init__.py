"""What runs under the window: the qasync event loop, the coroutine runner, the engine
bridge, error reporting and translations. It imports no other room."""
