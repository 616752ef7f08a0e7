"""Musical logic on plain note dicts: pure functions, no Live, standard library only (Python 3.7).
The lowest layer: imports nothing of live_script but this package (tests/live_script/test_layers.py).

The handlers read a clip's notes, hand them to these functions and write the result back in the same
main-thread call, so one undo step restores the clip and no other edit can slip in between.
"""
