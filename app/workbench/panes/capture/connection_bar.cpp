#include "app/workbench/panes/capture/connection_bar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <algorithm>

#include "app/workbench/panes/capture/capture_format.h"
#include "app/workbench/widgets/elided_label.h"
#include "core/util/log.h"

namespace edgewise::gui {

ConnectionBar::ConnectionBar(capture::CaptureSession& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_profile(ConnectionProfile::load()) {
  m_url = new QLineEdit(m_profile.url(), this);
  m_url->setObjectName(QStringLiteral("brokerUrl"));
  m_url->setPlaceholderText(QStringLiteral("tcp://127.0.0.1:1883"));
  m_url->setMinimumWidth(160);
  connect(m_url, &QLineEdit::returnPressed, this, [this] {
    if (m_state == capture::ConnectionState::Disconnected ||
        m_state == capture::ConnectionState::Failed)
      (void)connectToBroker();
  });

  m_connect = new QPushButton(this);
  m_connect->setObjectName(QStringLiteral("connectButton"));
  connect(m_connect, &QPushButton::clicked, this, [this] {
    if (m_state == capture::ConnectionState::Disconnected ||
        m_state == capture::ConnectionState::Failed)
      (void)connectToBroker();
    else
      disconnectFromBroker();
  });

  m_indicator = new QLabel(this);
  m_indicator->setFixedSize(14, 14);
  // Elided: a long broker URL or error message must not widen the whole window.
  m_stateLabel = new ElidedLabel(this);
  m_stateLabel->setObjectName(QStringLiteral("connectionState"));

  m_settings = new QPushButton(this);
  m_settings->setObjectName(QStringLiteral("brokerSettingsButton"));
  m_brokerLabel = new QLabel(this);
  connect(m_settings, &QPushButton::clicked, this, &ConnectionBar::openSettings);

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_brokerLabel);
  layout->addWidget(m_url, 2);
  layout->addWidget(m_connect);
  layout->addWidget(m_settings);
  layout->addSpacing(8);
  layout->addWidget(m_indicator);
  layout->addWidget(m_stateLabel, 3);

  connect(&m_session, &capture::CaptureSession::stateChanged, this, &ConnectionBar::onStateChanged);
  retranslateUi();
  showState(m_session.state(), QString());
}

void ConnectionBar::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}

void ConnectionBar::retranslateUi() {
  m_brokerLabel->setText(tr("Broker:"));
  m_url->setToolTip(tr("Broker address: tcp://, mqtt://, ssl:// or mqtts://host:port"));
  m_settings->setText(tr("Settings..."));
  showState(m_state, m_stateMessage);
}

QString ConnectionBar::url() const {
  return m_url->text();
}
void ConnectionBar::setUrl(const QString& url) {
  m_url->setText(url);
}

void ConnectionBar::setProfile(const ConnectionProfile& profile) {
  m_profile = profile;
  m_url->setText(profile.url());
}

QString ConnectionBar::stateText() const {
  return m_stateLabel->text();
}

Result<void> ConnectionBar::connectToBroker() {
  Result<void> parsed = m_profile.applyUrl(m_url->text());
  if (!parsed.ok()) {
    showState(capture::ConnectionState::Failed,
              tr("Invalid broker URL: %1").arg(toQString(parsed.error().toString())));
    return parsed;
  }
  m_profile.save();
  Result<void> r = m_session.connectToBroker(m_profile.broker);
  if (!r.ok()) {
    showState(capture::ConnectionState::Failed, toQString(r.error().toString()));
    return r;
  }
  showState(m_session.state(), QString());
  // The session may already be connected (synchronous connect): subscribe now too.
  if (m_session.state() == capture::ConnectionState::Connected) applySubscriptions();
  return {};
}

void ConnectionBar::disconnectFromBroker() {
  m_session.disconnectFromBroker();
  showState(m_session.state(), QString());
}

void ConnectionBar::onStateChanged(capture::ConnectionState state, const QString& message) {
  if (state != capture::ConnectionState::Disconnected) {
    // The session may have been connected by someone else (--demo-broker): show the broker it
    // really talks to, not the profile's last URL. Not saved: the user did not choose it.
    const capture::BrokerSettings actual = m_session.settings();
    if (actual.host != m_profile.broker.host || actual.port != m_profile.broker.port ||
        actual.tls != m_profile.broker.tls) {
      m_profile.broker = actual;
      m_url->setText(m_profile.url());
    }
  }
  if (state == capture::ConnectionState::Connected) applySubscriptions();
  showState(state, message);
}

void ConnectionBar::applySubscriptions() {
  const auto current = m_session.subscriptions();
  for (const auto& sub : m_profile.subscriptions) {
    const bool have = std::any_of(current.begin(), current.end(), [&](const auto& s) {
      return s.filter == sub.filter && s.qos == sub.qos;
    });
    if (have) continue;
    Result<void> r = m_session.subscribe(sub);
    if (!r.ok()) {
      const QString msg = tr("Could not subscribe to %1: %2")
                              .arg(toQString(sub.filter), toQString(r.error().toString()));
      qCWarning(lcGui).noquote() << msg;
      Q_EMIT statusMessage(msg);
    }
  }
}

void ConnectionBar::showState(capture::ConnectionState state, const QString& message) {
  m_state = state;
  m_stateMessage = message;
  const QColor color = connectionStateColor(state);
  m_indicator->setStyleSheet(QStringLiteral("background:%1;border-radius:7px;").arg(color.name()));
  QString text = connectionStateText(state);
  if (state == capture::ConnectionState::Connected)
    text = tr("Connected to %1").arg(m_profile.url());
  else if (!message.isEmpty())
    text += QStringLiteral(": ") + message;
  m_stateLabel->setText(text);
  m_stateLabel->setToolTip(text);
  const bool idle =
      state == capture::ConnectionState::Disconnected || state == capture::ConnectionState::Failed;
  m_connect->setText(idle ? tr("Connect") : tr("Disconnect"));
  m_url->setEnabled(idle);
}

void ConnectionBar::openSettings() {
  (void)m_profile.applyUrl(m_url->text());  // the dialog starts from what the field says
  BrokerSettingsDialog dialog(m_profile, this);
  if (dialog.exec() != QDialog::Accepted) return;
  m_profile = dialog.profile();
  m_url->setText(m_profile.url());
  m_profile.save();
  if (m_state == capture::ConnectionState::Connected) applySubscriptions();
}

}  // namespace edgewise::gui
