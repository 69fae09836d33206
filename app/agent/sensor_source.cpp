#include "app/agent/sensor_source.h"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "core/util/clock.h"

namespace edgewise::agent {

namespace {

// Samples an MQTT source may hold before it drops new messages (it cannot slow the sender).
constexpr size_t kMqttCapacity = 100'000;
// Rows the stdin reader may be ahead of the scheduler (it blocks beyond: no loss).
constexpr size_t kStdinCapacity = 2'000;

// Seconds, ms, us or ns since the epoch, told apart by magnitude -> us.
int64_t toMicros(double t) {
  const double a = std::fabs(t);
  if (a < 1e11) return std::llround(t * 1e6);
  if (a < 1e14) return std::llround(t * 1e3);
  if (a < 1e17) return std::llround(t);
  return std::llround(t / 1e3);
}

bool parseFloat(const std::string& text, float* out) {
  const char* begin = text.c_str();
  while (*begin == ' ' || *begin == '\t') ++begin;
  char* end = nullptr;
  const float v = std::strtof(begin, &end);
  if (end == begin) return false;
  while (*end == ' ' || *end == '\t' || *end == '\r') ++end;
  if (*end != '\0' || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

std::vector<std::string> splitCsv(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, ',')) cells.push_back(cell);
  if (!line.empty() && line.back() == ',') cells.emplace_back();
  return cells;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return s.substr(i);
}

// One device's CSV on stdin, read by a detached thread (a blocking read cannot be
// interrupted; the thread holds only the shared state and ends with the process).
class StdinCsvSource : public SensorSource {
 public:
  using SensorSource::SensorSource;
  void start() override {
    std::thread([this] { readLoop(); }).detach();
  }

 private:
  void readLoop() {
    std::string line;
    std::vector<std::string> channels;
    bool hasTs = false;
    int64_t next = 0;  // rows read (for time stamps without a ts column)
    int64_t startUs = 0;
    while (std::getline(std::cin, line)) {
      line = trimmed(line);
      if (line.empty()) continue;
      const auto cells = splitCsv(line);
      if (channels.empty()) {
        for (size_t i = 0; i < cells.size(); ++i) {
          const std::string name = trimmed(cells[i]);
          if (i == 0 && name == "ts") {
            hasTs = true;
          } else {
            channels.push_back(name);
          }
        }
        if (channels.empty()) countBad("the CSV header names no channel");
        continue;
      }
      const size_t want = channels.size() + (hasTs ? 1 : 0);
      if (cells.size() != want) {
        countBad("a CSV row has " + std::to_string(cells.size()) + " columns, the header " +
                 std::to_string(want));
        continue;
      }
      SensorBatch b;
      b.channels = channels;
      b.samples.resize(channels.size());
      bool ok = true;
      double ts = 0;
      if (hasTs) ok = !trimmed(cells[0]).empty() && std::isfinite(ts = std::atof(cells[0].c_str()));
      for (size_t c = 0; ok && c < channels.size(); ++c)
        ok = parseFloat(cells[c + (hasTs ? 1 : 0)], &b.samples[c]);
      if (!ok) {
        countBad("a CSV row is not numbers: '" + line.substr(0, 60) + "'");
        continue;
      }
      if (next == 0) startUs = util::wallClockUs();
      b.tsUs =
          hasTs ? toMicros(ts) : startUs + std::llround(static_cast<double>(next) * 1e6 / m_rateHz);
      ++next;
      push(std::move(b), kStdinCapacity, true);
    }
    std::fprintf(stderr, "edgewise-agent: end of the CSV input after %lld rows\n",
                 static_cast<long long>(next));
  }
};

class MqttJsonSource : public SensorSource {
 public:
  MqttJsonSource(std::string topic, double rateHz)
      : SensorSource(rateHz), m_topic(std::move(topic)) {}
  std::string topic() const override { return m_topic; }
  void onMessage(const std::string& payload) override {
    SensorBatch b;
    const std::string error = parseJsonSensorMessage(payload, util::wallClockUs(), b);
    if (!error.empty()) {
      countBad(error);
      return;
    }
    push(std::move(b), kMqttCapacity, false);
  }

 private:
  std::string m_topic;
};

}  // namespace

bool SensorSource::take(SensorBatch& out, int maxSamples) {
  std::lock_guard<std::mutex> lock(m_mutex);
  out = SensorBatch{};
  // Consecutive batches with the same channels are merged (stdin pushes one row at a time).
  while (!m_queue.empty() && out.count() < maxSamples) {
    SensorBatch& front = m_queue.front();
    if (out.channels.empty()) {
      out.channels = front.channels;
      out.tsUs = front.tsUs;
    } else if (front.channels != out.channels) {
      break;
    }
    const size_t width = out.channels.size();
    const size_t want = static_cast<size_t>(maxSamples - out.count()) * width;
    const size_t n = std::min(want, front.samples.size());
    out.samples.insert(out.samples.end(), front.samples.begin(),
                       front.samples.begin() + static_cast<std::ptrdiff_t>(n));
    m_queuedSamples -= n / width;
    if (n == front.samples.size()) {
      m_queue.pop_front();
    } else {
      front.samples.erase(front.samples.begin(),
                          front.samples.begin() + static_cast<std::ptrdiff_t>(n));
      front.tsUs += std::llround(static_cast<double>(n / width) * 1e6 / m_rateHz);
    }
  }
  m_space.notify_all();
  return out.count() > 0;
}

void SensorSource::push(SensorBatch batch, size_t capacity, bool block) {
  std::unique_lock<std::mutex> lock(m_mutex);
  if (!block) {
    if (m_queuedSamples >= capacity) {
      lock.unlock();
      countBad("the device is behind: a sensor message was dropped");
      return;
    }
  } else {
    m_space.wait(lock, [&] { return m_queuedSamples < capacity; });
  }
  m_queuedSamples += static_cast<size_t>(batch.count());
  m_queue.push_back(std::move(batch));
}

void SensorSource::countBad(const std::string& why) {
  // The first few reasons go to stderr; telemetry counts all of them.
  if (m_badInput.fetch_add(1) < 10)
    std::fprintf(stderr, "edgewise-agent: bad input: %s\n", why.c_str());
}

std::unique_ptr<SensorSource> makeSensorSource(const std::string& kind, const std::string& topic,
                                               double rateHz) {
  if (kind == "stdin-csv") return std::make_unique<StdinCsvSource>(rateHz);
  if (kind == "mqtt") return std::make_unique<MqttJsonSource>(topic, rateHz);
  return nullptr;
}

std::string parseJsonSensorMessage(const std::string& payload, int64_t receivedUs,
                                   SensorBatch& out) {
  const auto j = nlohmann::json::parse(payload, nullptr, false);
  if (!j.is_object()) return "a sensor message is not a JSON object";
  out = SensorBatch{};
  out.tsUs = receivedUs;
  for (const char* key : {"ts", "timestamp", "time", "t"}) {
    const auto it = j.find(key);
    if (it != j.end() && it->is_number()) {
      out.tsUs = toMicros(it->get<double>());
      break;
    }
  }
  const auto samples = j.find("samples");
  if (samples == j.end()) return "a sensor message needs \"samples\"";
  const auto channels = j.find("channels");
  if (samples->is_object()) {
    // One sample of named values.
    for (const auto& [name, value] : samples->items()) {
      if (!value.is_number()) return "sample value '" + name + "' is not a number";
      out.channels.push_back(name);
      out.samples.push_back(value.get<float>());
    }
    return out.channels.empty() ? "an empty sample" : "";
  }
  if (channels == j.end() || !channels->is_array() || channels->empty())
    return "a sensor message with sample arrays needs \"channels\"";
  for (const auto& c : *channels) {
    if (!c.is_string()) return "\"channels\" must be strings";
    out.channels.push_back(c.get<std::string>());
  }
  if (!samples->is_array()) return "\"samples\" must be an array";
  for (const auto& s : *samples) {
    if (!s.is_array() || s.size() != out.channels.size())
      return "a sample does not have one value per channel";
    for (const auto& v : s) {
      if (!v.is_number()) return "a sample value is not a number";
      out.samples.push_back(v.get<float>());
    }
  }
  if (out.samples.empty()) return "a sensor message without samples";
  return {};
}

}  // namespace edgewise::agent
