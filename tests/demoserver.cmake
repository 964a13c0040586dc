# The demo server's tests: scenario engine, server filter grammar, the HTTP endpoint with its faults,
# and the taskscope-demo-server executable.
taskscope_add_test(tst_demoserver SOURCES tst_demoserver.cpp LIBS taskscope_demoserver Qt6::Network)
target_compile_definitions(tst_demoserver PRIVATE
    TASKSCOPE_DEMO_SERVER_BINARY="$<TARGET_FILE:taskscope-demo-server>")
add_dependencies(tst_demoserver taskscope-demo-server)
