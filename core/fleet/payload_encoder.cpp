#include "core/fleet/payload_encoder.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QString>
#include <charconv>
#include <cmath>
#include <cstring>

#include "core/fleet/imu_simulator.h"

namespace edgewise::fleet {

namespace {

constexpr const char* kChannelsJson =
    R"(,"channels":["ax","ay","az","gx","gy","gz"],"units":["m/s^2","m/s^2","m/s^2","rad/s","rad/s","rad/s"])";
constexpr std::string_view kChannelNames[kImuChannels] = {"ax", "ay", "az", "gx", "gy", "gz"};
constexpr std::string_view kUnits[kImuChannels] = {"m/s^2", "m/s^2", "m/s^2",
                                                   "rad/s", "rad/s", "rad/s"};

void appendInt(int64_t v, std::string& out) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

// Shortest text that reads back as the same float; JSON has no NaN/Inf, so those are null.
void appendFloat(float v, std::string& out) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

// Integral rates as integers ("rate":100), others in the shortest round-trip form.
void appendNumber(double v, std::string& out) {
  if (!std::isfinite(v)) {
    out += "null";
  } else if (v == std::floor(v) && std::fabs(v) < 1e15) {
    appendInt(static_cast<int64_t>(v), out);
  } else {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
  }
}

QString qs(std::string_view s) {
  return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

}  // namespace

std::optional<PayloadFormat> parsePayloadFormat(std::string_view name) {
  if (name == "json") return PayloadFormat::Json;
  if (name == "csv") return PayloadFormat::Csv;
  if (name == "raw-f32") return PayloadFormat::RawF32;
  if (name == "cbor") return PayloadFormat::Cbor;
  return std::nullopt;
}

std::string_view payloadFormatName(PayloadFormat format) {
  switch (format) {
    case PayloadFormat::Json:
      return "json";
    case PayloadFormat::Csv:
      return "csv";
    case PayloadFormat::RawF32:
      return "raw-f32";
    case PayloadFormat::Cbor:
      return "cbor";
  }
  return "json";
}

void appendJsonString(std::string_view s, std::string& out) {
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += ch;
    }
  }
  out += '"';
}

void appendImuJson(const ImuMessage& m, std::string& out) {
  out.reserve(out.size() + 200 + static_cast<size_t>(m.sampleCount) * 80);
  out += R"({"device":)";
  appendJsonString(m.device, out);
  out += R"(,"seq":)";
  appendInt(m.seq, out);
  out += R"(,"ts":)";
  appendInt(m.tsUs, out);
  out += R"(,"pub":)";
  appendInt(m.pubUs, out);
  out += R"(,"rate":)";
  appendNumber(m.rateHz, out);
  out += R"(,"activity":)";
  appendJsonString(m.activity, out);
  out += kChannelsJson;
  out += R"(,"samples":[)";
  for (int i = 0; i < m.sampleCount; ++i) {
    if (i > 0) out += ',';
    out += '[';
    const float* s = m.samples + static_cast<size_t>(i) * kImuChannels;
    for (int c = 0; c < kImuChannels; ++c) {
      if (c > 0) out += ',';
      appendFloat(s[c], out);
    }
    out += ']';
  }
  out += "]}";
}

void appendImuCsv(const ImuMessage& m, std::string& out) {
  for (int i = 0; i < m.sampleCount; ++i) {
    const float* s = m.samples + static_cast<size_t>(i) * kImuChannels;
    for (int c = 0; c < kImuChannels; ++c) {
      if (c > 0) out += ',';
      appendFloat(s[c], out);
    }
    out += '\n';
  }
}

void appendImuRawF32(const ImuMessage& m, std::string& out) {
  const size_t count = static_cast<size_t>(m.sampleCount) * kImuChannels;
  const size_t start = out.size();
  out.resize(start + count * sizeof(float));
  char* dst = out.data() + start;
  for (size_t i = 0; i < count; ++i) {
    uint32_t bits;
    std::memcpy(&bits, &m.samples[i], sizeof bits);
    // Explicit little-endian so the payload is the same on any host.
    dst[4 * i + 0] = static_cast<char>(bits & 0xFF);
    dst[4 * i + 1] = static_cast<char>((bits >> 8) & 0xFF);
    dst[4 * i + 2] = static_cast<char>((bits >> 16) & 0xFF);
    dst[4 * i + 3] = static_cast<char>((bits >> 24) & 0xFF);
  }
}

std::string encodeImuCbor(const ImuMessage& m) {
  QCborMap map;
  map.insert(QStringLiteral("device"), qs(m.device));
  map.insert(QStringLiteral("seq"), static_cast<qint64>(m.seq));
  map.insert(QStringLiteral("ts"), static_cast<qint64>(m.tsUs));
  map.insert(QStringLiteral("pub"), static_cast<qint64>(m.pubUs));
  if (m.rateHz == std::floor(m.rateHz)) {
    map.insert(QStringLiteral("rate"), static_cast<qint64>(m.rateHz));
  } else {
    map.insert(QStringLiteral("rate"), m.rateHz);
  }
  map.insert(QStringLiteral("activity"), qs(m.activity));
  QCborArray channels;
  QCborArray units;
  for (int c = 0; c < kImuChannels; ++c) {
    channels.append(qs(kChannelNames[c]));
    units.append(qs(kUnits[c]));
  }
  map.insert(QStringLiteral("channels"), channels);
  map.insert(QStringLiteral("units"), units);
  QCborArray samples;
  for (int i = 0; i < m.sampleCount; ++i) {
    QCborArray row;
    const float* s = m.samples + static_cast<size_t>(i) * kImuChannels;
    for (int c = 0; c < kImuChannels; ++c) row.append(static_cast<double>(s[c]));
    samples.append(row);
  }
  map.insert(QStringLiteral("samples"), samples);
  const QByteArray bytes = map.toCborValue().toCbor();
  return std::string(bytes.constData(), static_cast<size_t>(bytes.size()));
}

void encodeImu(PayloadFormat format, const ImuMessage& message, std::string& out) {
  out.clear();
  switch (format) {
    case PayloadFormat::Json:
      appendImuJson(message, out);
      break;
    case PayloadFormat::Csv:
      appendImuCsv(message, out);
      break;
    case PayloadFormat::RawF32:
      appendImuRawF32(message, out);
      break;
    case PayloadFormat::Cbor:
      out = encodeImuCbor(message);
      break;
  }
}

std::string encodeStatusJson(const DeviceStatus& s) {
  std::string out;
  out.reserve(160);
  out += R"({"device":)";
  appendJsonString(s.device, out);
  out += R"(,"state":)";
  appendJsonString(s.state, out);
  out += R"(,"agent_version":)";
  appendJsonString(s.agentVersion, out);
  out += R"(,"sensor":)";
  appendJsonString(s.sensor, out);
  out += R"(,"rate_hz":)";
  appendNumber(s.rateHz, out);
  out += R"(,"ts":)";
  appendInt(s.tsUs, out);
  if (!s.deviceClass.empty()) {
    out += R"(,"device_class":)";
    appendJsonString(s.deviceClass, out);
    out += R"(,"tags":[)";
    if (s.tags) {
      for (size_t i = 0; i < s.tags->size(); ++i) {
        if (i > 0) out += ',';
        appendJsonString((*s.tags)[i], out);
      }
    }
    out += R"(],"hardware":{"arch":)";
    appendJsonString(s.arch, out);
    out += R"(,"cores":)";
    appendInt(s.cores, out);
    out += R"(,"ram_mb":)";
    appendInt(s.ramMb, out);
    out += R"(,"os":)";
    appendJsonString(s.os, out);
    out += '}';
  }
  out += '}';
  return out;
}

}  // namespace edgewise::fleet
