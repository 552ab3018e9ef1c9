# Extra links for two tests of the adversarial harness (docs/security.md):
# - the storage fault tests (tests/unit/store/fault_injection_test.cpp) drive
#   real use cases over the SQLite store through a fault-injecting VFS, so
#   unit_store links the app layer and the VFS wrapper;
# - the authorisation matrix (tests/api/authz_matrix_test.cpp) iterates the
#   server's route table, so api_tests links the HTTP layer (it still talks to
#   the real server process only over loopback).
if(TARGET unit_store)
  target_sources(unit_store PRIVATE ${CMAKE_SOURCE_DIR}/tests/support/fault_vfs.cpp)
  target_link_libraries(unit_store PRIVATE chibo_app)
endif()
if(TARGET api_tests)
  target_link_libraries(api_tests PRIVATE chibo_http)
endif()
