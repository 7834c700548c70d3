result = some_function_that_does_not_exist(1, 2) + another_missing_function(3)
