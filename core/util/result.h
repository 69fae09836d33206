#pragma once
// Result<T>: the value of an operation that can fail in an expected way (broker down, bad
// payload, corrupt file). Holds either a T or an Error whose message a user can act on.
// Modelled on std::expected (C++23), which this C++17 code base cannot use yet.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace edgewise {

struct Error {
  std::string message;  // what went wrong and, where possible, what to do about it
  std::string context;  // where: "decoding edgewise/dev-1/imu", "opening /x/p.edgewise"

  Error() = default;
  explicit Error(std::string msg, std::string ctx = {})
      : message(std::move(msg)), context(std::move(ctx)) {}

  // "context: message" or just "message".
  std::string toString() const { return context.empty() ? message : context + ": " + message; }

  // Returns a copy with more context prepended ("opening project: reading header: ...").
  Error wrap(const std::string& outer) const {
    return Error(message, context.empty() ? outer : outer + ": " + context);
  }
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}      // NOLINT implicit
  Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}  // NOLINT implicit

  bool ok() const { return m_v.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(m_v);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(m_v);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(m_v));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(m_v);
  }
  T valueOr(T fallback) const { return ok() ? std::get<0>(m_v) : std::move(fallback); }

 private:
  std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : m_error(std::move(error)), m_ok(false) {}  // NOLINT implicit
  bool ok() const { return m_ok; }
  explicit operator bool() const { return m_ok; }
  const Error& error() const {
    assert(!m_ok);
    return m_error;
  }

 private:
  Error m_error;
  bool m_ok = true;
};

inline Result<void> okResult() {
  return {};
}

}  // namespace edgewise

// Propagates an error out of the current function: EW_TRY(r) returns r.error() if !r.ok().
#define EW_TRY(expr)                                         \
  do {                                                       \
    auto&& ew_try_result_ = (expr);                          \
    if (!ew_try_result_.ok()) return ew_try_result_.error(); \
  } while (0)
