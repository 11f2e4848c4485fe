# whistle_bot: the server, the single writer, the adapters and the outbox sender.
list(APPEND WHISTLE_BOT_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/adapters/adapter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/adapters/adapter_set.cpp
  ${CMAKE_CURRENT_LIST_DIR}/adapters/generic_adapter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/answer_codec.cpp
  ${CMAKE_CURRENT_LIST_DIR}/clock.cpp
  ${CMAKE_CURRENT_LIST_DIR}/connections.cpp
  ${CMAKE_CURRENT_LIST_DIR}/crypto/hmac.cpp
  ${CMAKE_CURRENT_LIST_DIR}/endpoints.cpp
  ${CMAKE_CURRENT_LIST_DIR}/event_processor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/histogram.cpp
  ${CMAKE_CURRENT_LIST_DIR}/http_client.cpp
  ${CMAKE_CURRENT_LIST_DIR}/http_error.cpp
  ${CMAKE_CURRENT_LIST_DIR}/logging.cpp
  ${CMAKE_CURRENT_LIST_DIR}/log_throttle.cpp
  ${CMAKE_CURRENT_LIST_DIR}/metrics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/open_file_limit.cpp
  ${CMAKE_CURRENT_LIST_DIR}/outbox_sender.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pipeline.cpp
  ${CMAKE_CURRENT_LIST_DIR}/router.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scheduler.cpp
  ${CMAKE_CURRENT_LIST_DIR}/server.cpp
  ${CMAKE_CURRENT_LIST_DIR}/service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/session.cpp
  ${CMAKE_CURRENT_LIST_DIR}/spawn.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trusted_proxies.cpp)
