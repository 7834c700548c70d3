exec("class A:\n    nonlocal x")
