# unknown option: usage error on stderr, status 2
-Z
