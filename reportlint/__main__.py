from .cli import main

# Guarded: where worker processes are spawned, not forked (macOS, Windows), each worker imports
# the main module again, and must not run the command line a second time.
if __name__ == "__main__":
    main()
