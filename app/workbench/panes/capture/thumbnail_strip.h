#pragma once
// The last few frames of every camera stream as a strip of thumbnails. poll() looks at each
// image stream's latest frame counter and decodes only when it changed: at most one decode
// per camera per GUI tick however fast the camera publishes.

#include <QHash>
#include <QImage>
#include <QWidget>
#include <deque>
#include <memory>
#include <vector>

#include "core/capture/live_buffer.h"

class QGridLayout;
class QLabel;

namespace edgewise::gui {

class ThumbnailStrip : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kFramesPerCamera = 6;

  explicit ThumbnailStrip(QWidget* parent = nullptr);

  // Returns true when at least one thumbnail changed.
  bool poll(const std::vector<std::shared_ptr<capture::LiveBuffer>>& buffers);
  int cameraCount() const { return static_cast<int>(m_cameras.size()); }
  int frameCount(const QString& topic) const;

 Q_SIGNALS:
  void camerasChanged(int count);

 private:
  struct Camera {
    QString topic;
    uint64_t counter = 0;
    std::deque<QImage> frames;
    QLabel* title = nullptr;
    std::vector<QLabel*> labels;
  };
  void render(Camera& camera);

  void changeEvent(QEvent* event) override;
  std::vector<std::unique_ptr<Camera>> m_cameras;
  QGridLayout* m_grid = nullptr;
  QLabel* m_placeholder = nullptr;
};

}  // namespace edgewise::gui
