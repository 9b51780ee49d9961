"""``python -m aligner`` runs the command line."""

from aligner.cli import main

# guarded: worker processes (spawned for --jobs) import this module again
if __name__ == "__main__":
    main()
