list(APPEND WHISTLE_CLI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/arguments.cpp
  ${CMAKE_CURRENT_LIST_DIR}/config_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/simulator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/parse_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sim_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/chat_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/serve_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/check_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/verify_ledger_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_command.cpp)
