missing_dir/nothing.py arg
