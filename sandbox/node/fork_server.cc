// Node's fork server: `node [V8 FLAGS] fork-server.js REPORT_FD UID`, started as root.
//
// launch.c (built with -DLAUNCH_LIBRARY) serves the supervisor's commands in this process, a
// Node.js that has started once: for each `run` it forks, and the child, with launch's files,
// limits, uid and Landlock ruleset, returns here and on to fork-server.js, which runs the
// program as `node FILE` would. The ~30 ms of Node's start are not paid at every test.
//
// Forking a running Node.js needs three repairs, all made here:
// - V8 marks its heap MADV_DONTFORK (a fork optimisation of its build): cleared before each
//   fork, or the child would have no heap.
// - The child has only the forking thread. Node is started with --single-threaded, so V8 posts
//   no work to the platform's worker threads; but Node's teardown joins those threads and waits
//   for their tasks, which would hang: the child ends with _exit, from the process-exit handler
//   (process.exit, a fatal exception) or, at the natural end, from an environment cleanup hook,
//   which runs before that teardown, with the exit code fork-server.js recorded.
// - libuv's epoll instance would be shared with the server: uv_loop_fork makes the child its own.
#include <node.h>
#include <uv.h>

#include <cstdio>
#include <string>
#include <sys/random.h>
#include <sys/mman.h>
#include <unistd.h>

extern "C" int launch_serve(int report, uid_t uid, char*** program);

// Called by launch.c in the server just before each fork.
extern "C" void launch_before_fork(void) {
  FILE* maps = fopen("/proc/self/maps", "r");
  if (maps == nullptr) return;
  char line[512];
  while (fgets(line, sizeof(line), maps) != nullptr) {
    unsigned long start, end;
    if (sscanf(line, "%lx-%lx", &start, &end) == 2)
      madvise(reinterpret_cast<void*>(start), end - start, MADV_DOFORK);
  }
  fclose(maps);
}

namespace {

int exit_code = 0;

void EndNow(void*) {
  fflush(nullptr);
  _exit(exit_code);
}

// serve(reportFd, uid): null when the supervisor closes the commands; in a program's child,
// {argv, pid}: the program's argv and the child's pid.
void Serve(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  int report = args[0]->Int32Value(context).FromJust();
  uid_t uid = static_cast<uid_t>(args[1]->Uint32Value(context).FromJust());
  char** program = nullptr;
  if (uid == 0 || !launch_serve(report, uid, &program)) {
    args.GetReturnValue().SetNull();
    return;
  }
  if (uv_loop_fork(node::GetCurrentEventLoop(isolate)) != 0) {
    fprintf(stderr, "fork server: uv_loop_fork failed\n");
    _exit(126);
  }
  // Math.random is seeded, at its first call, from the isolate's generator, which every child
  // inherits: a seed of the program's own, as a fresh process has.
  unsigned seed = 0;
  while (seed == 0 && getrandom(&seed, sizeof(seed), 0) == sizeof(seed)) seed &= 0x7fffffff;
  std::string flag = "--random-seed=" + std::to_string(seed);
  v8::V8::SetFlagsFromString(flag.c_str(), flag.size());
  node::Environment* env = node::GetCurrentEnvironment(context);
  node::SetProcessExitHandler(env, [](node::Environment*, int code) {
    exit_code = code;
    EndNow(nullptr);
  });
  node::AddEnvironmentCleanupHook(isolate, EndNow, nullptr);
  v8::Local<v8::Array> argv = v8::Array::New(isolate);
  for (uint32_t i = 0; program[i] != nullptr; i++) {
    v8::Local<v8::String> arg = v8::String::NewFromUtf8(isolate, program[i]).ToLocalChecked();
    argv->Set(context, i, arg).Check();
  }
  v8::Local<v8::Object> started = v8::Object::New(isolate);
  started->Set(context, v8::String::NewFromUtf8Literal(isolate, "argv"), argv).Check();
  started->Set(context, v8::String::NewFromUtf8Literal(isolate, "pid"), v8::Integer::New(isolate, getpid())).Check();
  args.GetReturnValue().Set(started);
}

// setExitCode(code): the code the natural end exits with (read after the 'exit' event).
void SetExitCode(const v8::FunctionCallbackInfo<v8::Value>& args) {
  exit_code = args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(1);
}

}  // namespace

NODE_MODULE_INIT() {
  NODE_SET_METHOD(exports, "serve", Serve);
  NODE_SET_METHOD(exports, "setExitCode", SetExitCode);
}
