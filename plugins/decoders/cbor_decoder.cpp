#include "plugins/decoders/cbor_decoder.h"

#include <QByteArray>
#include <QCborStreamReader>
#include <QString>

#include "plugins/decoders/decode_util.h"
#include "plugins/decoders/tree_batch.h"

namespace edgewise::decoders {

namespace {

// Walks one CBOR item without decoding it: sniff() must be cheap and allocation-free.
// Returns false on malformed or truncated data.
bool skipItem(const uint8_t*& p, const uint8_t* end, int depth) {
  if (p >= end || depth > kMaxDepth) return false;
  const uint8_t initial = *p++;
  const int major = initial >> 5;
  const int info = initial & 31;
  uint64_t arg = info;
  if (info >= 24 && info <= 27) {
    const int n = 1 << (info - 24);
    if (end - p < n) return false;
    arg = 0;
    for (int i = 0; i < n; ++i) arg = (arg << 8) | *p++;
  } else if (info >= 28 && info <= 30) {
    return false;
  }
  const bool indefinite = info == 31;
  const auto remaining = static_cast<uint64_t>(end - p);
  switch (major) {
    case 0:
    case 1:
      return !indefinite;
    case 2:
    case 3:
      if (indefinite) {
        while (p < end && *p != 0xFF) {
          if ((*p >> 5) != major || (*p & 31) == 31 || !skipItem(p, end, depth + 1)) return false;
        }
        if (p >= end) return false;
        ++p;
        return true;
      }
      if (arg > remaining) return false;
      p += arg;
      return true;
    case 4:
    case 5: {
      if (indefinite) {
        while (p < end && *p != 0xFF) {
          if (!skipItem(p, end, depth + 1)) return false;
          if (major == 5 && !skipItem(p, end, depth + 1)) return false;
        }
        if (p >= end) return false;
        ++p;
        return true;
      }
      const uint64_t items = major == 5 ? arg * 2 : arg;
      if (arg > remaining || items > remaining) return false;
      for (uint64_t i = 0; i < items; ++i) {
        if (!skipItem(p, end, depth + 1)) return false;
      }
      return true;
    }
    case 6:
      return !indefinite && skipItem(p, end, depth + 1);
    default:  // 7: simple values and floats; a lone break is malformed
      return !indefinite;
  }
}

struct CborReader {
  QCborStreamReader& r;

  Error fail(const std::string& what) const {
    return Error("invalid CBOR at byte " + std::to_string(r.currentOffset()) + ": " + what);
  }
  Error readerError() const { return fail(r.lastError().toString().toStdString()); }

  Result<std::string> readText() {
    std::string out;
    auto chunk = r.readString();
    while (chunk.status == QCborStreamReader::Ok) {
      out += chunk.data.toStdString();
      chunk = r.readString();
    }
    if (chunk.status == QCborStreamReader::Error) return readerError();
    return out;
  }

  Result<void> read(Json& out, int depth) {
    if (depth > kMaxDepth) {
      return fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
    }
    switch (r.type()) {
      case QCborStreamReader::UnsignedInteger:
        out = static_cast<uint64_t>(r.toUnsignedInteger());
        r.next();
        break;
      case QCborStreamReader::NegativeInteger: {
        // Qt hands over the magnitude: -100 arrives as 100, -2^64 as 0 (wrapped).
        const auto n = static_cast<uint64_t>(r.toNegativeInteger());
        if (n != 0 && n <= static_cast<uint64_t>(INT64_MAX)) {
          out = -static_cast<int64_t>(n);
        } else {
          out = n == 0 ? -18446744073709551616.0 : -static_cast<double>(n);
        }
        r.next();
        break;
      }
      case QCborStreamReader::ByteArray:
        out = nullptr;  // opaque bytes are never a channel
        r.next();
        break;
      case QCborStreamReader::String: {
        auto text = readText();
        EW_TRY(text);
        out = std::move(*text);
        break;
      }
      case QCborStreamReader::Array: {
        out = Json::array();
        if (!r.enterContainer()) return readerError();
        auto& arr = out.get_ref<Json::array_t&>();
        while (r.lastError() == QCborError::NoError && r.hasNext()) {
          arr.emplace_back();
          EW_TRY(read(arr.back(), depth + 1));
        }
        if (r.lastError() != QCborError::NoError) return readerError();
        if (!r.leaveContainer()) return readerError();
        break;
      }
      case QCborStreamReader::Map: {
        out = Json::object();
        if (!r.enterContainer()) return readerError();
        auto& obj = out.get_ref<Json::object_t&>();
        while (r.lastError() == QCborError::NoError && r.hasNext()) {
          std::string key;
          if (r.isString()) {
            auto text = readText();
            EW_TRY(text);
            key = std::move(*text);
          } else if (r.isUnsignedInteger()) {
            key = std::to_string(r.toUnsignedInteger());
            r.next();
          } else if (r.isNegativeInteger()) {
            key = "-" + std::to_string(static_cast<uint64_t>(r.toNegativeInteger()));
            r.next();
          } else {
            return fail("map key is not a text string or an integer");
          }
          if (r.lastError() != QCborError::NoError) return readerError();
          if (!r.hasNext()) return fail("map key '" + excerpt(key) + "' has no value");
          EW_TRY(read(obj[key], depth + 1));
        }
        if (r.lastError() != QCborError::NoError) return readerError();
        if (!r.leaveContainer()) return readerError();
        break;
      }
      case QCborStreamReader::Tag:
        // Tags (epoch time, date string, bignum...) wrap a value; the value is what counts.
        r.next();
        if (r.lastError() != QCborError::NoError) return readerError();
        return read(out, depth + 1);
      case QCborStreamReader::SimpleType:
        // false/true become booleans; null, undefined and unassigned simple values are null.
        if (r.isBool()) {
          out = r.toBool();
        } else {
          out = nullptr;
        }
        r.next();
        break;
      case QCborStreamReader::Float16:
        out = static_cast<double>(r.toFloat16());
        r.next();
        break;
      case QCborStreamReader::Float:
        out = static_cast<double>(r.toFloat());
        r.next();
        break;
      case QCborStreamReader::Double:
        out = r.toDouble();
        r.next();
        break;
      case QCborStreamReader::Invalid:
      default:
        return r.lastError() != QCborError::NoError ? readerError()
                                                    : fail("unexpected end of data");
    }
    if (r.lastError() != QCborError::NoError) return readerError();
    return okResult();
  }
};

}  // namespace

int CborDecoder::sniff(std::string_view payload) const {
  if (payload.empty()) return 0;
  auto* p = reinterpret_cast<const uint8_t*>(payload.data());
  const uint8_t* end = p + payload.size();
  int bonus = 0;
  if (payload.size() >= 3 && p[0] == 0xD9 && p[1] == 0xD9 && p[2] == 0xF7) {
    p += 3;  // self-described CBOR (tag 55799)
    bonus = 10;
  }
  if (p >= end) return 0;
  const int major = *p >> 5;
  if (major != 5 && major != 4) return bonus ? 20 : 0;
  const bool complete = skipItem(p, end, 0) && p == end;
  if (!complete) return bonus ? 20 : 3;
  return (major == 5 ? 85 : 45) + bonus;
}

Result<capture::SampleBatch> CborDecoder::decode(std::string_view payload,
                                                 const capture::DecodeContext& ctx) const {
  try {
    if (payload.empty()) return Error("empty payload, expected a CBOR document");
    if (payload.size() > kMaxStructuredBytes) {
      return Error("CBOR payload of " + std::to_string(payload.size()) +
                   " bytes exceeds the 16 MiB limit");
    }
    const QByteArray bytes =
        QByteArray::fromRawData(payload.data(), static_cast<qsizetype>(payload.size()));
    QCborStreamReader reader(bytes);
    CborReader cr{reader};
    Json root;
    EW_TRY(cr.read(root, 0));
    if (reader.currentOffset() != static_cast<qint64>(payload.size())) {
      return Error("invalid CBOR: " +
                   std::to_string(payload.size() - static_cast<size_t>(reader.currentOffset())) +
                   " bytes after the end of the document");
    }
    return batchFromTree(root, ctx);
  } catch (const std::exception& e) {
    return Error(std::string("CBOR decoding failed: ") + e.what());
  }
}

}  // namespace edgewise::decoders
