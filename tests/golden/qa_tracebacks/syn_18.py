exec("def f():\n\treturn 1\n        return 2")
