#include "app/workbench/panes/capture/capture_format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <array>

namespace edgewise::gui {

namespace {
struct Tr {
  Q_DECLARE_TR_FUNCTIONS(edgewise::gui::CaptureFormat)
};
}  // namespace

QString toQString(const std::string& s) {
  return QString::fromStdString(s);
}
std::string toStdString(const QString& s) {
  return s.toStdString();
}

QString formatBytes(int64_t bytes) {
  return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString formatDuration(double seconds) {
  if (seconds < 60) return Tr::tr("%1 s").arg(seconds, 0, 'f', 1);
  const auto total = static_cast<int64_t>(seconds);
  const int64_t h = total / 3600;
  const int64_t m = (total / 60) % 60;
  const int64_t s = total % 60;
  if (h > 0)
    return QStringLiteral("%1:%2:%3")
        .arg(h)
        .arg(m, 2, 10, QLatin1Char('0'))
        .arg(s, 2, 10, QLatin1Char('0'));
  return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString formatCount(int64_t value) {
  return QLocale().toString(static_cast<qlonglong>(value));
}

QString formatTimeUs(int64_t unixUs) {
  if (unixUs <= 0) return {};
  return QDateTime::fromMSecsSinceEpoch(unixUs / 1000)
      .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString connectionStateText(capture::ConnectionState state) {
  using capture::ConnectionState;
  switch (state) {
    case ConnectionState::Disconnected:
      return Tr::tr("Disconnected");
    case ConnectionState::Connecting:
      return Tr::tr("Connecting");
    case ConnectionState::Connected:
      return Tr::tr("Connected");
    case ConnectionState::Reconnecting:
      return Tr::tr("Reconnecting");
    case ConnectionState::Failed:
      return Tr::tr("Failed");
  }
  return {};
}

QColor connectionStateColor(capture::ConnectionState state) {
  using capture::ConnectionState;
  switch (state) {
    case ConnectionState::Disconnected:
      return QColor(0x8a, 0x8f, 0x98);
    case ConnectionState::Connecting:
      return QColor(0xe0, 0xa8, 0x00);
    case ConnectionState::Connected:
      return QColor(0x2e, 0xb8, 0x5c);
    case ConnectionState::Reconnecting:
      return QColor(0xf0, 0x8c, 0x00);
    case ConnectionState::Failed:
      return QColor(0xe5, 0x48, 0x4d);
  }
  return {};
}

QString recordingStatusText(store::RecordingStatus status) {
  switch (status) {
    case store::RecordingStatus::Recording:
      return Tr::tr("Recording");
    case store::RecordingStatus::Complete:
      return Tr::tr("Complete");
    case store::RecordingStatus::Interrupted:
      return Tr::tr("Interrupted");
  }
  return {};
}

QColor channelColor(int deviceIndex, int channelIndex) {
  // Tableau 10: distinct on dark and light backgrounds. Channels pick the hue; the device
  // index rotates the palette and shifts the lightness so devices stay apart in one chart.
  static const std::array<QRgb, 10> kPalette = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                                0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
  const int idx = (channelIndex + deviceIndex * 3) % static_cast<int>(kPalette.size());
  QColor c = QColor::fromRgb(kPalette[static_cast<size_t>(idx)]);
  const int shift = (deviceIndex / 3) % 3;
  if (shift == 1) c = c.lighter(125);
  if (shift == 2) c = c.darker(125);
  return c;
}

}  // namespace edgewise::gui
