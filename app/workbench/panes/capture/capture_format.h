#pragma once
// Small formatting helpers shared by the Capture pane's widgets (one place for units and
// state colours so the tree, tables and bars agree).

#include <QColor>
#include <QString>
#include <cstdint>
#include <string>

#include "core/capture/capture_session.h"
#include "core/store/recording_repository.h"

namespace edgewise::gui {

QString toQString(const std::string& s);
std::string toStdString(const QString& s);

QString formatBytes(int64_t bytes);
QString formatDuration(double seconds);
QString formatCount(int64_t value);
QString formatTimeUs(int64_t unixUs);  // local time, "2026-11-22 09:38:00"

QString connectionStateText(capture::ConnectionState state);
QColor connectionStateColor(capture::ConnectionState state);
QString recordingStatusText(store::RecordingStatus status);

// The colour of one plotted channel: stable for (device index, channel index) so a device
// keeps its colours while others come and go.
QColor channelColor(int deviceIndex, int channelIndex);

}  // namespace edgewise::gui
