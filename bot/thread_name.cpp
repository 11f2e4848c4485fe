#include "bot/thread_name.hpp"

#include <pthread.h>

namespace whistle::bot {

void name_this_thread(const char* name) {
  // A name too long is refused (ERANGE) and the thread keeps its old one: harmless.
  pthread_setname_np(pthread_self(), name);
}

}  // namespace whistle::bot
