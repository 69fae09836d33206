#pragma once
// Broker URL, Connect/Disconnect, a coloured state indicator with text and the Settings...
// dialog. Subscriptions are (re)applied each time the session reports Connected.

#include <QWidget>

#include "app/workbench/panes/capture/broker_settings_dialog.h"
#include "core/capture/capture_session.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace edgewise::gui {

class ElidedLabel;

class ConnectionBar : public QWidget {
  Q_OBJECT
 public:
  explicit ConnectionBar(capture::CaptureSession& session, QWidget* parent = nullptr);

  QString url() const;
  void setUrl(const QString& url);
  const ConnectionProfile& profile() const { return m_profile; }
  void setProfile(const ConnectionProfile& profile);

  // What the Connect button does; returns the error shown to the user, if any.
  Result<void> connectToBroker();
  void disconnectFromBroker();
  QString stateText() const;

 protected:
  void changeEvent(QEvent* event) override;

 Q_SIGNALS:
  void statusMessage(const QString& message);

 private:
  void onStateChanged(capture::ConnectionState state, const QString& message);
  void showState(capture::ConnectionState state, const QString& message);
  void openSettings();
  void applySubscriptions();
  void retranslateUi();

  capture::CaptureSession& m_session;
  ConnectionProfile m_profile;
  capture::ConnectionState m_state = capture::ConnectionState::Disconnected;
  QLineEdit* m_url = nullptr;
  QPushButton* m_connect = nullptr;
  QLabel* m_indicator = nullptr;
  ElidedLabel* m_stateLabel = nullptr;
  QLabel* m_brokerLabel = nullptr;
  QString m_stateMessage;  // the detail shown after the state, kept to retranslate
  QPushButton* m_settings = nullptr;
};

}  // namespace edgewise::gui
