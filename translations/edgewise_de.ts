<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Workbench</name>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Cancelled before it started.</source>
        <translation>Vor dem Start abgebrochen.</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Unerwarteter Fehler: %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1:%2 min</source>
        <translation>%1:%2 min</translation>
    </message>
    <message>
        <source>%1:%2 h</source>
        <translation>%1:%2 h</translation>
    </message>
    <message>
        <source>Cancel this job</source>
        <translation>Diesen Auftrag abbrechen</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>No jobs yet.
Long work such as exports, training and deployments appears here with its progress and a cancel button.</source>
        <translation>Noch keine Aufträge.
Lange Arbeiten wie Exporte, Trainings und Verteilungen erscheinen hier mit ihrem Fortschritt und einer Schaltfläche zum Abbrechen.</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>Beendete entfernen</translation>
    </message>
    <message>
        <source>%1 running, %2 finished</source>
        <translation>%1 laufend, %2 beendet</translation>
    </message>
    <message>
        <source>The recording could not be finished: %1</source>
        <translation>Die Aufzeichnung konnte nicht abgeschlossen werden: %1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Erfassung</translation>
    </message>
    <message>
        <source>This build of the workbench does not include the Capture pane. Use edgewise-cli capture to record from a broker.</source>
        <translation>Diese Version der Werkbank enthält den Bereich Erfassung nicht. Nehmen Sie mit edgewise-cli capture von einem Broker auf.</translation>
    </message>
    <message>
        <source>Connect to an MQTT broker and browse its topics</source>
        <translation>Mit einem MQTT-Broker verbinden und seine Topics durchsuchen</translation>
    </message>
    <message>
        <source>Plot live sensor streams</source>
        <translation>Live-Sensordaten als Diagramm anzeigen</translation>
    </message>
    <message>
        <source>Record streams into the project</source>
        <translation>Datenströme im Projekt aufzeichnen</translation>
    </message>
    <message>
        <source>Labeling</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <source>Labeling arrives with the labeling and active-learning capability.</source>
        <translation>Die Beschriftung kommt mit der Funktion für Beschriftung und aktives Lernen.</translation>
    </message>
    <message>
        <source>Label segments of recordings against a label schema</source>
        <translation>Abschnitte von Aufzeichnungen nach einem Label-Schema beschriften</translation>
    </message>
    <message>
        <source>Let active learning pick the most informative windows</source>
        <translation>Aktives Lernen die aussagekräftigsten Fenster auswählen lassen</translation>
    </message>
    <message>
        <source>Measure agreement between annotators</source>
        <translation>Übereinstimmung zwischen Annotierenden messen</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Training arrives with the model training capability.</source>
        <translation>Das Training kommt mit der Funktion zum Trainieren von Modellen.</translation>
    </message>
    <message>
        <source>Train neural networks and classic models on labeled windows</source>
        <translation>Neuronale Netze und klassische Modelle auf beschrifteten Fenstern trainieren</translation>
    </message>
    <message>
        <source>Compare runs by their metrics and confusion matrices</source>
        <translation>Läufe anhand ihrer Metriken und Konfusionsmatrizen vergleichen</translation>
    </message>
    <message>
        <source>Keep the lineage from data to model</source>
        <translation>Die Herkunft von den Daten bis zum Modell festhalten</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>Komprimierung</translation>
    </message>
    <message>
        <source>Compression arrives with the model compression capability.</source>
        <translation>Die Komprimierung kommt mit der Funktion zum Komprimieren von Modellen.</translation>
    </message>
    <message>
        <source>Prune, quantize and distill trained models</source>
        <translation>Trainierte Modelle ausdünnen, quantisieren und destillieren</translation>
    </message>
    <message>
        <source>Trade accuracy against size and latency</source>
        <translation>Genauigkeit gegen Größe und Latenz abwägen</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>Fleet arrives with the device registry and deployment capability.</source>
        <translation>Die Flotte kommt mit der Funktion für Geräteverwaltung und Verteilung.</translation>
    </message>
    <message>
        <source>See every device, its model and its health</source>
        <translation>Jedes Gerät, sein Modell und seinen Zustand sehen</translation>
    </message>
    <message>
        <source>Deploy signed models with one click and roll back</source>
        <translation>Signierte Modelle mit einem Klick verteilen und zurücknehmen</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Audit arrives with the drift, robustness and latency capability.</source>
        <translation>Die Prüfung kommt mit der Funktion für Drift, Robustheit und Latenz.</translation>
    </message>
    <message>
        <source>Detect drift in what devices see</source>
        <translation>Drift in den Daten der Geräte erkennen</translation>
    </message>
    <message>
        <source>Test robustness against adversarial inputs</source>
        <translation>Robustheit gegen gezielt manipulierte Eingaben testen</translation>
    </message>
    <message>
        <source>Follow latency on each device</source>
        <translation>Die Latenz auf jedem Gerät verfolgen</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>A workbench for machine learning on IoT devices: capture, label, train, compress, deploy and audit.</source>
        <translation>Eine Werkbank für maschinelles Lernen auf IoT-Geräten: erfassen, beschriften, trainieren, komprimieren, verteilen und prüfen.</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Erstellt mit</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>What it will do</source>
        <translation>Was hier kommt</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language &quot;%1&quot; is not available in this build.</source>
        <translation>Die Sprache „%1“ ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <source>Edgewise could not open %1.</source>
        <translation>Edgewise konnte %1 nicht öffnen.</translation>
    </message>
    <message>
        <source>%1 stays open.</source>
        <translation>%1 bleibt geöffnet.</translation>
    </message>
    <message>
        <source>Could Not Open Project</source>
        <translation>Projekt konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Project Not Found</source>
        <translation>Projekt nicht gefunden</translation>
    </message>
    <message>
        <source>%1 no longer exists. It was removed from the list of recent projects.</source>
        <translation>%1 existiert nicht mehr und wurde aus der Liste der zuletzt verwendeten Projekte entfernt.</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>Edgewise projects (*.%1)</source>
        <translation>Edgewise-Projekte (*.%1)</translation>
    </message>
    <message>
        <source>%1 is the project that is open now. Choose another file name.</source>
        <translation>%1 ist das gerade geöffnete Projekt. Wählen Sie einen anderen Dateinamen.</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About Edgewise</source>
        <translation>Über Edgewise</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>The open project file</source>
        <translation>Die geöffnete Projektdatei</translation>
    </message>
    <message>
        <source>Broker: not connected</source>
        <translation>Broker: nicht verbunden</translation>
    </message>
    <message>
        <source>Broker: connecting to %1</source>
        <translation>Broker: verbinde mit %1</translation>
    </message>
    <message>
        <source>Broker: connected to %1</source>
        <translation>Broker: verbunden mit %1</translation>
    </message>
    <message>
        <source>Broker: reconnecting to %1</source>
        <translation>Broker: verbinde erneut mit %1</translation>
    </message>
    <message>
        <source>Broker: connection to %1 failed</source>
        <translation>Broker: Verbindung zu %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation>&amp;Neues Projekt...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>Projekt ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>Projekt &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Reset Layout</source>
        <translation>Anordnung zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Edgewise</source>
        <translation>Ü&amp;ber Edgewise</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::BrokerSettingsDialog</name>
    <message>
        <source>Broker settings</source>
        <translation>Broker-Einstellungen</translation>
    </message>
    <message>
        <source>automatic (edgewise-&lt;random&gt;)</source>
        <translation>automatisch (edgewise-&lt;zufällig&gt;)</translation>
    </message>
    <message>
        <source>Kept for this session only, never saved to disk</source>
        <translation>Nur für diese Sitzung, wird nie gespeichert</translation>
    </message>
    <message>
        <source>Clean session</source>
        <translation>Saubere Sitzung</translation>
    </message>
    <message>
        <source>Off: the broker keeps the subscriptions and queues QoS 1/2 messages while away</source>
        <translation>Aus: Der Broker behält die Abonnements und puffert QoS-1/2-Nachrichten während der Abwesenheit</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Reconnect automatically</source>
        <translation>Automatisch neu verbinden</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>Client-ID:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Keep-alive:</source>
        <translation>Keep-alive:</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA-Datei:</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Client-Zertifikat:</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Client-Schlüssel:</translation>
    </message>
    <message>
        <source>Client private key</source>
        <translation>Privater Client-Schlüssel</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Topic filter</source>
        <translation>Topic-Filter</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>Certificates and keys (*.pem *.crt *.key *.cer);;All files (*)</source>
        <translation>Zertifikate und Schlüssel (*.pem *.crt *.key *.cer);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::CaptureFormat</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinde</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Verbinde erneut</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung läuft</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::CapturePane</name>
    <message>
        <source>Capture</source>
        <translation>Erfassung</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <source>Stop the current recording first</source>
        <translation>Beenden Sie zuerst die laufende Aufzeichnung</translation>
    </message>
    <message>
        <source>Quarantine (%1)</source>
        <translation>Quarantäne (%1)</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ConnectionBar</name>
    <message>
        <source>Broker address: tcp://, mqtt://, ssl:// or mqtts://host:port</source>
        <translation>Broker-Adresse: tcp://, mqtt://, ssl:// oder mqtts://host:port</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Settings...</source>
        <translation>Einstellungen...</translation>
    </message>
    <message>
        <source>Broker:</source>
        <translation>Broker:</translation>
    </message>
    <message>
        <source>Invalid broker URL: %1</source>
        <translation>Ungültige Broker-URL: %1</translation>
    </message>
    <message>
        <source>Could not subscribe to %1: %2</source>
        <translation>Abonnieren von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::LivePlotWidget</name>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>One chart</source>
        <translation>Ein Diagramm</translation>
    </message>
    <message>
        <source>Stacked</source>
        <translation>Gestapelt</translation>
    </message>
    <message>
        <source>One chart for every channel, or one chart per stream</source>
        <translation>Ein Diagramm für alle Kanäle oder ein Diagramm pro Datenstrom</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Time window shown while following live data</source>
        <translation>Zeitfenster, das beim Verfolgen der Live-Daten gezeigt wird</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Freeze the view (Space); drag and wheel-zoom to look back through the history</source>
        <translation>Ansicht einfrieren (Leertaste); ziehen und mit dem Mausrad zoomen, um in der Historie zurückzublicken</translation>
    </message>
    <message>
        <source>Autoscale Y</source>
        <translation>Y automatisch skalieren</translation>
    </message>
    <message>
        <source>min </source>
        <translation>min </translation>
    </message>
    <message>
        <source>max </source>
        <translation>max </translation>
    </message>
    <message>
        <source>Lower bound of the Y axis when autoscale is off</source>
        <translation>Untergrenze der Y-Achse bei ausgeschalteter automatischer Skalierung</translation>
    </message>
    <message>
        <source>Upper bound of the Y axis when autoscale is off</source>
        <translation>Obergrenze der Y-Achse bei ausgeschalteter automatischer Skalierung</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>Anordnung:</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Fenster:</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::QuarantineView</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>Decoder</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>Select a row to see its error and payload</source>
        <translation>Wählen Sie eine Zeile, um Fehler und Nutzdaten zu sehen</translation>
    </message>
    <message>
        <source>No project open: malformed payloads are counted (%1 this session) but not kept.</source>
        <translation>Kein Projekt geöffnet: Fehlerhafte Nutzdaten werden gezählt (%1 in dieser Sitzung), aber nicht aufbewahrt.</translation>
    </message>
    <message>
        <source>%1 malformed payloads kept in the project, %2 decode errors this session</source>
        <translation>%1 fehlerhafte Nutzdaten im Projekt aufbewahrt, %2 Dekodierfehler in dieser Sitzung</translation>
    </message>
    <message>
        <source>Could not read the quarantine: %1</source>
        <translation>Die Quarantäne konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>
(%1 bytes)</source>
        <translation>
(%1 Bytes)</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::RecordingPanel</name>
    <message>
        <source>Record</source>
        <translation>Aufzeichnen</translation>
    </message>
    <message>
        <source>Recording name (optional)</source>
        <translation>Name der Aufzeichnung (optional)</translation>
    </message>
    <message>
        <source>All subscribed topics</source>
        <translation>Alle abonnierten Topics</translation>
    </message>
    <message>
        <source>Checked topics</source>
        <translation>Markierte Topics</translation>
    </message>
    <message>
        <source>Record every subscribed topic, or only those ticked in the topic tree</source>
        <translation>Alle abonnierten Topics aufzeichnen oder nur die im Topic-Baum markierten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>Als CSV exportieren...</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Rename the selected recording (F2 or double-click)</source>
        <translation>Die gewählte Aufzeichnung umbenennen (F2 oder Doppelklick)</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Aufzeichnungen</translation>
    </message>
    <message>
        <source>Open or create a project first: recordings are stored in it.</source>
        <translation>Öffnen oder erstellen Sie zuerst ein Projekt: Aufzeichnungen werden darin gespeichert.</translation>
    </message>
    <message>
        <source>No topic is checked in the topic tree: tick the topics to record, or choose &quot;All subscribed topics&quot;.</source>
        <translation>Im Topic-Baum ist kein Topic markiert: Markieren Sie die aufzuzeichnenden Topics oder wählen Sie „Alle abonnierten Topics“.</translation>
    </message>
    <message>
        <source>Could not start recording: %1</source>
        <translation>Aufzeichnung konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Recording started</source>
        <translation>Aufzeichnung gestartet</translation>
    </message>
    <message>
        <source>Recording stopped with an error: %1</source>
        <translation>Aufzeichnung mit einem Fehler beendet: %1</translation>
    </message>
    <message>
        <source>Recorded &quot;%1&quot;: %2 samples in %3 messages</source>
        <translation>„%1“ aufgezeichnet: %2 Messwerte in %3 Nachrichten</translation>
    </message>
    <message>
        <source>● %1   %2 samples   %3 messages   %4 pending</source>
        <translation>● %1   %2 Messwerte   %3 Nachrichten   %4 ausstehend</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Open or create a project to record (File menu)</source>
        <translation>Öffnen oder erstellen Sie ein Projekt, um aufzuzeichnen (Menü Datei)</translation>
    </message>
    <message>
        <source>Stop recording (Ctrl+R)</source>
        <translation>Aufzeichnung beenden (Strg+R)</translation>
    </message>
    <message>
        <source>Start recording (Ctrl+R)</source>
        <translation>Aufzeichnung starten (Strg+R)</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>Delete recording</source>
        <translation>Aufzeichnung löschen</translation>
    </message>
    <message>
        <source>Delete the recording &quot;%1&quot; and all its samples? This cannot be undone.</source>
        <translation>Die Aufzeichnung „%1“ mit allen Messwerten löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>Es ist kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>Export CSV %1</source>
        <translation>CSV-Export %1</translation>
    </message>
    <message>
        <source>Opening the project</source>
        <translation>Projekt wird geöffnet</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>Schreibe %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
    <message>
        <source>Exporting to %1...</source>
        <translation>Exportiere nach %1...</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::RecordingsModel</name>
    <message>
        <source>Could not list the recordings: %1</source>
        <translation>Die Aufzeichnungen konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>Es ist kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>A recording needs a name.</source>
        <translation>Eine Aufzeichnung braucht einen Namen.</translation>
    </message>
    <message>
        <source>Could not rename the recording: %1</source>
        <translation>Die Aufzeichnung konnte nicht umbenannt werden: %1</translation>
    </message>
    <message>
        <source>Could not delete the recording: %1</source>
        <translation>Die Aufzeichnung konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>The application stopped while recording; everything committed before is kept.</source>
        <translation>Die Anwendung wurde während der Aufzeichnung beendet; alles bis dahin Gespeicherte bleibt erhalten.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>Datenströme</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ThumbnailStrip</name>
    <message>
        <source>No camera streams yet: image payloads (JPEG/PNG) appear here.</source>
        <translation>Noch keine Kamerastreams: Bildnutzdaten (JPEG/PNG) erscheinen hier.</translation>
    </message>
    <message>
        <source>The latest frame could not be decoded (%1, %2 bytes)</source>
        <translation>Das letzte Bild konnte nicht dekodiert werden (%1, %2 Bytes)</translation>
    </message>
    <message>
        <source>%1
%2×%3</source>
        <translation>%1
%2×%3</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::TopicBrowser</name>
    <message>
        <source>Filter topics</source>
        <translation>Topics filtern</translation>
    </message>
    <message>
        <source>%1 topics, %2 messages, %3 decode errors</source>
        <translation>%1 Topics, %2 Nachrichten, %3 Dekodierfehler</translation>
    </message>
    <message>
        <source>%1: decoder chosen automatically</source>
        <translation>%1: Decoder automatisch gewählt</translation>
    </message>
    <message>
        <source>%1: decoded as %2</source>
        <translation>%1: dekodiert als %2</translation>
    </message>
    <message>
        <source>Decoder layout for %1</source>
        <translation>Decoder-Aufbau für %1</translation>
    </message>
    <message>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>ax, ay, az (optional)</source>
        <translation>ax, ay, az (optional)</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Kanäle:</translation>
    </message>
    <message>
        <source>Sample rate:</source>
        <translation>Abtastrate:</translation>
    </message>
    <message>
        <source>Channel names:</source>
        <translation>Kanalnamen:</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Record this topic</source>
        <translation>Dieses Topic aufzeichnen</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>Decoder</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Copy topic</source>
        <translation>Topic kopieren</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::TopicTreeModel</name>
    <message>
        <source>Last decode error: %1</source>
        <translation>Letzter Dekodierfehler: %1</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>msg/s</source>
        <translation>Nachr./s</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>Decoder</translation>
    </message>
    <message>
        <source>Last payload</source>
        <translation>Letzte Nutzdaten</translation>
    </message>
</context>
</TS>
