#include "app/workbench/panes/capture/thumbnail_strip.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPixmap>

#include "app/workbench/panes/capture/capture_format.h"

namespace edgewise::gui {

namespace {
constexpr int kThumbWidth = 112;
constexpr int kThumbHeight = 84;
}  // namespace

ThumbnailStrip::ThumbnailStrip(QWidget* parent) : QWidget(parent) {
  m_grid = new QGridLayout(this);
  m_grid->setContentsMargins(4, 4, 4, 4);
  m_grid->setHorizontalSpacing(4);
  m_grid->setVerticalSpacing(2);
  m_placeholder =
      new QLabel(tr("No camera streams yet: image payloads (JPEG/PNG) appear here."), this);
  m_placeholder->setWordWrap(true);
  m_placeholder->setEnabled(false);
  m_grid->addWidget(m_placeholder, 0, 0);
  m_grid->setColumnStretch(kFramesPerCamera + 1, 1);
}

void ThumbnailStrip::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    m_placeholder->setText(tr("No camera streams yet: image payloads (JPEG/PNG) appear here."));
  }
  QWidget::changeEvent(event);
}

int ThumbnailStrip::frameCount(const QString& topic) const {
  for (const auto& c : m_cameras)
    if (c->topic == topic) return static_cast<int>(c->frames.size());
  return 0;
}

bool ThumbnailStrip::poll(const std::vector<std::shared_ptr<capture::LiveBuffer>>& buffers) {
  bool changed = false;
  for (const auto& buffer : buffers) {
    uint64_t counter = 0;
    auto image = buffer->latestImage(&counter);
    if (!image || image->encoded.empty()) continue;
    const QString topic = toQString(buffer->key().topic);
    Camera* cam = nullptr;
    for (auto& c : m_cameras)
      if (c->topic == topic) cam = c.get();
    if (!cam) {
      auto fresh = std::make_unique<Camera>();
      fresh->topic = topic;
      const int row = static_cast<int>(m_cameras.size());
      fresh->title = new QLabel(topic, this);
      fresh->title->setMinimumWidth(140);
      fresh->title->setWordWrap(true);
      m_grid->addWidget(fresh->title, row, 0);
      for (int i = 0; i < kFramesPerCamera; ++i) {
        auto* label = new QLabel(this);
        label->setFixedSize(kThumbWidth, kThumbHeight);
        label->setAlignment(Qt::AlignCenter);
        label->setFrameShape(QFrame::StyledPanel);
        label->hide();
        m_grid->addWidget(label, row, i + 1);
        fresh->labels.push_back(label);
      }
      cam = fresh.get();
      m_cameras.push_back(std::move(fresh));
      m_placeholder->hide();
      Q_EMIT camerasChanged(static_cast<int>(m_cameras.size()));
    }
    if (counter == cam->counter) continue;
    cam->counter = counter;
    QImage decoded =
        QImage::fromData(image->encoded.data(), static_cast<int>(image->encoded.size()));
    if (decoded.isNull()) {
      cam->title->setToolTip(tr("The latest frame could not be decoded (%1, %2 bytes)")
                                 .arg(toQString(image->format))
                                 .arg(image->encoded.size()));
      continue;
    }
    // Scale once here, not on every paint.
    cam->frames.push_front(
        decoded.scaled(kThumbWidth, kThumbHeight, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    while (cam->frames.size() > kFramesPerCamera) cam->frames.pop_back();
    cam->title->setText(tr("%1\n%2\u00d7%3").arg(topic).arg(decoded.width()).arg(decoded.height()));
    render(*cam);
    changed = true;
  }
  return changed;
}

void ThumbnailStrip::render(Camera& camera) {
  for (size_t i = 0; i < camera.labels.size(); ++i) {
    // Only filled slots are shown: empty frames look like a broken camera.
    const bool filled = i < camera.frames.size();
    if (filled) camera.labels[i]->setPixmap(QPixmap::fromImage(camera.frames[i]));
    camera.labels[i]->setVisible(filled);
  }
}

}  // namespace edgewise::gui
