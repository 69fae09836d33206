<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AuditPlots</name>
    <message>
        <source>Pick a feature in the table</source>
        <translation>Ein Merkmal in der Tabelle auswählen</translation>
    </message>
    <message numerus="yes">
        <source>Reference (%n rows)</source>
        <translation>
            <numerusform>Referenz (%n Zeile)</numerusform>
            <numerusform>Referenz (%n Zeilen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Live (%n rows)</source>
        <translation>
            <numerusform>Live (%n Zeile)</numerusform>
            <numerusform>Live (%n Zeilen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Density</source>
        <translation>Dichte</translation>
    </message>
    <message>
        <source>%1: reference vs live (drifted)</source>
        <translation>%1: Referenz gegen Live (gedriftet)</translation>
    </message>
    <message>
        <source>%1: reference vs live</source>
        <translation>%1: Referenz gegen Live</translation>
    </message>
    <message>
        <source>Window score (all features)</source>
        <translation>Fensterwert (alle Merkmale)</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>alarm level (α = %1)</source>
        <translation>Alarmschwelle (α = %1)</translation>
    </message>
    <message numerus="yes">
        <source>Live window (%n rows each)</source>
        <translation>
            <numerusform>Live-Fenster (je %n Zeile)</numerusform>
            <numerusform>Live-Fenster (je %n Zeilen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Drift score −log₁₀(adjusted p)</source>
        <translation>Drift-Wert −log₁₀(korrigiertes p)</translation>
    </message>
    <message numerus="yes">
        <source>Drift over time: %1 of %n windows raised an alarm</source>
        <translation>
            <numerusform>Drift über die Zeit: %1 von %n Fenster löste Alarm aus</numerusform>
            <numerusform>Drift über die Zeit: %1 von %n Fenstern lösten Alarm aus</numerusform>
        </translation>
    </message>
    <message>
        <source>clean %1%</source>
        <translation>sauber %1%</translation>
    </message>
    <message>
        <source>ε (standard deviations per channel)</source>
        <translation>ε (Standardabweichungen je Kanal)</translation>
    </message>
    <message>
        <source>ε (model input units)</source>
        <translation>ε (Einheiten der Modelleingabe)</translation>
    </message>
    <message>
        <source>Robust accuracy (%)</source>
        <translation>Robuste Genauigkeit (%)</translation>
    </message>
    <message>
        <source>No attack run</source>
        <translation>Kein Angriff ausgeführt</translation>
    </message>
    <message>
        <source>Robust accuracy against ε</source>
        <translation>Robuste Genauigkeit über ε</translation>
    </message>
    <message>
        <source>%1 (≤ %2 %3)</source>
        <translation>%1 (≤ %2 %3)</translation>
    </message>
    <message>
        <source>Severity (fraction of the largest tested)</source>
        <translation>Schweregrad (Anteil am größten getesteten)</translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <source>Accuracy under IoT faults</source>
        <translation>Genauigkeit bei IoT-Fehlern</translation>
    </message>
    <message>
        <source>Retrained on flipped labels</source>
        <translation>Mit vertauschten Labels neu trainiert</translation>
    </message>
    <message>
        <source>Label-flip poisoning</source>
        <translation>Vergiftung durch Label-Vertauschung</translation>
    </message>
    <message>
        <source>Label flips: not run (tick “Label-flip poisoning”)</source>
        <translation>Label-Vertauschung: nicht ausgeführt („Vergiftung durch Label-Vertauschung“ ankreuzen)</translation>
    </message>
    <message>
        <source>Training labels flipped (%)</source>
        <translation>Vertauschte Trainingslabels (%)</translation>
    </message>
    <message>
        <source>Clean test accuracy (%)</source>
        <translation>Saubere Testgenauigkeit (%)</translation>
    </message>
    <message>
        <source>No latency measured</source>
        <translation>Keine Latenz gemessen</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Durchläufe</translation>
    </message>
    <message>
        <source>Single-sample latency (µs)</source>
        <translation>Latenz je Einzelprobe (µs)</translation>
    </message>
    <message numerus="yes">
        <source>%n runs; %1 slower than %2 µs not shown</source>
        <translation>
            <numerusform>%n Durchlauf; %1 langsamer als %2 µs nicht gezeigt</numerusform>
            <numerusform>%n Durchläufe; %1 langsamer als %2 µs nicht gezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>%n Durchlauf</numerusform>
            <numerusform>%n Durchläufe</numerusform>
        </translation>
    </message>
    <message>
        <source>IoT faults: not run (tick “Fault curves”)</source>
        <translation>IoT-Fehler: nicht ausgeführt („Fehlerkurven“ ankreuzen)</translation>
    </message>
    <message>
        <source>No heartbeats in the project yet</source>
        <translation>Noch keine Heartbeats im Projekt</translation>
    </message>
    <message>
        <source>%1 p50</source>
        <translation>%1 p50</translation>
    </message>
    <message>
        <source>%1 p99</source>
        <translation>%1 p99</translation>
    </message>
    <message>
        <source>New model version</source>
        <translation>Neue Modellversion</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>Regression</translation>
    </message>
    <message>
        <source>Time since the first heartbeat (s)</source>
        <translation>Zeit seit dem ersten Heartbeat (s)</translation>
    </message>
    <message>
        <source>Inference latency (µs)</source>
        <translation>Inferenzlatenz (µs)</translation>
    </message>
    <message numerus="yes">
        <source>Fleet latency per heartbeat: %n regression(s)</source>
        <translation>
            <numerusform>Flottenlatenz pro Heartbeat: %n Regression</numerusform>
            <numerusform>Flottenlatenz pro Heartbeat: %n Regressionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: latency per heartbeat, %n regression(s)</source>
        <translation>
            <numerusform>%1: Latenz pro Heartbeat, %n Regression</numerusform>
            <numerusform>%1: Latenz pro Heartbeat, %n Regressionen</numerusform>
        </translation>
    </message>
    <message>
        <source>No heartbeats with a running model</source>
        <translation>Keine Heartbeats mit laufendem Modell</translation>
    </message>
    <message>
        <source>Heartbeat p50 (µs)</source>
        <translation>Heartbeat-p50 (µs)</translation>
    </message>
    <message>
        <source>Heartbeats</source>
        <translation>Heartbeats</translation>
    </message>
    <message numerus="yes">
        <source>%1: p50 of %n heartbeat(s)</source>
        <translation>
            <numerusform>%1: p50 von %n Heartbeat</numerusform>
            <numerusform>%1: p50 von %n Heartbeats</numerusform>
        </translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>Alle Geräte</translation>
    </message>
    <message>
        <source>Median per window (µs)</source>
        <translation>Median pro Fenster (µs)</translation>
    </message>
    <message>
        <source>Path per device: sensor → publish</source>
        <translation>Pfad pro Gerät: Sensor → Veröffentlichung</translation>
    </message>
</context>
<context>
    <name>AuditReport</name>
    <message>
        <source>Audit report: %1</source>
        <translation>Prüfbericht: %1</translation>
    </message>
    <message>
        <source>Generated %1 by Edgewise %2 on %3 (%4)</source>
        <translation>Erstellt %1 von Edgewise %2 auf %3 (%4)</translation>
    </message>
    <message>
        <source>Model version</source>
        <translation>Modellversion</translation>
    </message>
    <message>
        <source>Model id</source>
        <translation>Modell-ID</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source> (parent model %1)</source>
        <translation> (Elternmodell %1)</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <source>Test accuracy (at training)</source>
        <translation>Testgenauigkeit (beim Training)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n features drifted</source>
        <translation>
            <numerusform>%1 von %n Merkmal gedriftet</numerusform>
            <numerusform>%1 von %n Merkmalen gedriftet</numerusform>
        </translation>
    </message>
    <message>
        <source>clean accuracy %1</source>
        <translation>saubere Genauigkeit %1</translation>
    </message>
    <message>
        <source>; %1 at ε = %2: %3</source>
        <translation>; %1 bei ε = %2: %3</translation>
    </message>
    <message>
        <source>Robustness</source>
        <translation>Robustheit</translation>
    </message>
    <message>
        <source>(gradient masking suspected)</source>
        <translation>(Verdacht auf Gradientenmaskierung)</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message numerus="yes">
        <source>p50 %1 µs, p99 %2 µs over %n runs</source>
        <translation>
            <numerusform>p50 %1 µs, p99 %2 µs über %n Durchlauf</numerusform>
            <numerusform>p50 %1 µs, p99 %2 µs über %n Durchläufe</numerusform>
        </translation>
    </message>
    <message>
        <source>Data drift</source>
        <translation>Datendrift</translation>
    </message>
    <message>
        <source>Reference %1 (%2 rows) against live %3 (%4 rows). A feature drifted when its two-sample Kolmogorov-Smirnov p-value survives Benjamini-Hochberg at α = %5.</source>
        <translation>Referenz %1 (%2 Zeilen) gegen Live %3 (%4 Zeilen). Ein Merkmal ist gedriftet, wenn sein p-Wert des Zwei-Stichproben-Kolmogorow-Smirnow-Tests Benjamini-Hochberg bei α = %5 übersteht.</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>KS statistic</source>
        <translation>KS-Statistik</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>p-Wert</translation>
    </message>
    <message>
        <source>Adjusted p</source>
        <translation>Korrigiertes p</translation>
    </message>
    <message>
        <source>PSI</source>
        <translation>PSI</translation>
    </message>
    <message>
        <source>Wasserstein</source>
        <translation>Wasserstein</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Multivariate MMD² %1, permutation p %2: %3</source>
        <translation>Multivariat MMD² %1, Permutations-p %2: %3</translation>
    </message>
    <message>
        <source>drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <source>no drift</source>
        <translation>keine Drift</translation>
    </message>
    <message>
        <source>Drift score timeline</source>
        <translation>Verlauf des Drift-Werts</translation>
    </message>
    <message>
        <source>Reference vs live histogram</source>
        <translation>Histogramm Referenz gegen Live</translation>
    </message>
    <message>
        <source>No drift analysis was run.</source>
        <translation>Es wurde keine Driftanalyse ausgeführt.</translation>
    </message>
    <message>
        <source>Adversarial robustness and faults</source>
        <translation>Adversariale Robustheit und Fehler</translation>
    </message>
    <message>
        <source>%1 test rows, clean accuracy %2, ε in %3.</source>
        <translation>%1 Testzeilen, saubere Genauigkeit %2, ε in %3.</translation>
    </message>
    <message>
        <source>standard deviations per channel</source>
        <translation>Standardabweichungen je Kanal</translation>
    </message>
    <message>
        <source>model input units</source>
        <translation>Einheiten der Modelleingabe</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>Robust accuracy against epsilon</source>
        <translation>Robuste Genauigkeit über Epsilon</translation>
    </message>
    <message>
        <source>Sanity check</source>
        <translation>Plausibilitätsprüfung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Accuracy under IoT faults</source>
        <translation>Genauigkeit bei IoT-Fehlern</translation>
    </message>
    <message>
        <source>Label-flip poisoning</source>
        <translation>Vergiftung durch Label-Vertauschung</translation>
    </message>
    <message>
        <source>No robustness audit was run.</source>
        <translation>Es wurde keine Robustheitsprüfung ausgeführt.</translation>
    </message>
    <message>
        <source>Latency on this machine</source>
        <translation>Latenz auf diesem Rechner</translation>
    </message>
    <message>
        <source>Init (loading the model file)</source>
        <translation>Initialisierung (Laden der Modelldatei)</translation>
    </message>
    <message>
        <source>First inference</source>
        <translation>Erste Inferenz</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Aufwärmen</translation>
    </message>
    <message numerus="yes">
        <source>%n runs, mean %1 µs</source>
        <translation>
            <numerusform>%n Durchlauf, Mittel %1 µs</numerusform>
            <numerusform>%n Durchläufe, Mittel %1 µs</numerusform>
        </translation>
    </message>
    <message>
        <source>Timed runs</source>
        <translation>Gemessene Durchläufe</translation>
    </message>
    <message>
        <source>%1 in %2 s</source>
        <translation>%1 in %2 s</translation>
    </message>
    <message>
        <source>Mean ± std</source>
        <translation>Mittel ± Std.-Abw.</translation>
    </message>
    <message>
        <source>Coefficient of variation</source>
        <translation>Variationskoeffizient</translation>
    </message>
    <message>
        <source>Peak RSS</source>
        <translation>Spitzen-RSS</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>Latency histogram</source>
        <translation>Latenz-Histogramm</translation>
    </message>
    <message>
        <source>No latency benchmark was run.</source>
        <translation>Es wurde kein Latenz-Benchmark ausgeführt.</translation>
    </message>
    <message>
        <source>Live drift on the devices</source>
        <translation>Live-Drift auf den Geräten</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Windows with an alarm</source>
        <translation>Fenster mit Alarm</translation>
    </message>
    <message>
        <source>Features that moved</source>
        <translation>Verschobene Merkmale</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weiteres</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <source>Each device&apos;s predictions in windows of %n, per predicted class against the training rows of that class: KS with Benjamini-Hochberg at α = %1.</source>
        <translation>
            <numerusform>Die Vorhersagen jedes Geräts in Fenstern von %n, je vorhergesagter Klasse gegen die Trainingszeilen dieser Klasse: KS mit Benjamini-Hochberg bei α = %1.</numerusform>
            <numerusform>Die Vorhersagen jedes Geräts in Fenstern von %n, je vorhergesagter Klasse gegen die Trainingszeilen dieser Klasse: KS mit Benjamini-Hochberg bei α = %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Drift score per window of %1</source>
        <translation>Drift-Score pro Fenster von %1</translation>
    </message>
    <message>
        <source>The devices were not watched (Drift → Live devices).</source>
        <translation>Die Geräte wurden nicht beobachtet (Drift → Live-Geräte).</translation>
    </message>
    <message>
        <source>Latency on the devices</source>
        <translation>Latenz auf den Geräten</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Heartbeats</source>
        <translation>Heartbeats</translation>
    </message>
    <message>
        <source>decode / features / inference / publish (µs)</source>
        <translation>Dekodieren / Merkmale / Inferenz / Veröffentlichen (µs)</translation>
    </message>
    <message>
        <source>No latency regression between model versions.</source>
        <translation>Keine Latenzregression zwischen Modellversionen.</translation>
    </message>
    <message>
        <source>Regression on %1: %2 → %3, p50 %4 → %5 µs (×%6, Mann-Whitney p = %7)</source>
        <translation>Regression auf %1: %2 → %3, p50 %4 → %5 µs (×%6, Mann-Whitney p = %7)</translation>
    </message>
    <message>
        <source>A new version is a regression when the median p50 of its first %1 heartbeats is more than %2 % above that of the previous version&apos;s last %1 and a one-sided Mann-Whitney test gives p &lt; %3.</source>
        <translation>Eine neue Version ist eine Regression, wenn der Median des p50 ihrer ersten %1 Heartbeats mehr als %2 % über dem der letzten %1 der vorigen Version liegt und ein einseitiger Mann-Whitney-Test p &lt; %3 ergibt.</translation>
    </message>
    <message>
        <source>Latency per heartbeat</source>
        <translation>Latenz pro Heartbeat</translation>
    </message>
    <message>
        <source>Stage breakdown</source>
        <translation>Aufteilung nach Stufen</translation>
    </message>
    <message>
        <source>No heartbeats in the project.</source>
        <translation>Keine Heartbeats im Projekt.</translation>
    </message>
</context>
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
    <message>
        <source>&amp;Import Dataset...</source>
        <translation>&amp;Datensatz importieren...</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ActiveQueueView</name>
    <message>
        <source>Pool:</source>
        <translation>Pool:</translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation>Strategie:</translation>
    </message>
    <message>
        <source>Which rows the queue asks for: random (baseline), uncertainty (least-confidence, margin, entropy), diversity (kcenter) or both (hybrid)</source>
        <translation>Welche Zeilen die Warteschlange anfragt: zufällig (Basislinie), Unsicherheit (least-confidence, margin, entropy), Vielfalt (kcenter) oder beides (hybrid)</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Batch:</translation>
    </message>
    <message>
        <source>Labels per round: the model is retrained after this many</source>
        <translation>Labels pro Runde: danach wird das Modell neu trainiert</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Sample</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>Validierungsgenauigkeit</translation>
    </message>
    <message>
        <source>Enter or A: accept the suggestion · 1-9: assign a class · N: next item · Ctrl+Z: undo</source>
        <translation>Enter oder A: Vorschlag übernehmen · 1-9: Klasse zuweisen · N: nächster Eintrag · Strg+Z: rückgängig</translation>
    </message>
    <message>
        <source>Active learning: preparing %1</source>
        <translation>Aktives Lernen: %1 wird vorbereitet</translation>
    </message>
    <message>
        <source>Could not prepare the pool: %1</source>
        <translation>Pool konnte nicht vorbereitet werden: %1</translation>
    </message>
    <message>
        <source>Preparing the pool…</source>
        <translation>Pool wird vorbereitet…</translation>
    </message>
    <message numerus="yes">
        <source>No suggestion yet: assign a class with 1-9 (the model trains after %n label(s))</source>
        <translation>
            <numerusform>Noch kein Vorschlag: Klasse mit 1-9 zuweisen (das Modell trainiert nach %n Label)</numerusform>
            <numerusform>Noch kein Vorschlag: Klasse mit 1-9 zuweisen (das Modell trainiert nach %n Labels)</numerusform>
        </translation>
    </message>
    <message>
        <source>No class of this pool has key %1</source>
        <translation>Keine Klasse dieses Pools hat die Taste %1</translation>
    </message>
    <message>
        <source>Enter your name as annotator first</source>
        <translation>Geben Sie zuerst Ihren Namen als Annotator ein</translation>
    </message>
    <message>
        <source>Accept %1 for sample %2</source>
        <translation>%1 für Sample %2 übernehmen</translation>
    </message>
    <message>
        <source>Label sample %2 as %1</source>
        <translation>Sample %2 als %1 labeln</translation>
    </message>
    <message numerus="yes">
        <source>Active learning: retrain on %n label(s)</source>
        <translation>
            <numerusform>Aktives Lernen: Neutraining mit %n Label</numerusform>
            <numerusform>Aktives Lernen: Neutraining mit %n Labels</numerusform>
        </translation>
    </message>
    <message>
        <source>Retraining failed: %1</source>
        <translation>Neutraining fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The queue is empty</source>
        <translation>Die Warteschlange ist leer</translation>
    </message>
    <message>
        <source>Pick a pool and start</source>
        <translation>Pool wählen und starten</translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation>Sample %1</translation>
    </message>
    <message>
        <source>Model suggests &lt;b&gt;%1&lt;/b&gt; (%2 %)</source>
        <translation>Modell schlägt &lt;b&gt;%1&lt;/b&gt; vor (%2 %)</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>Noch kein Modell</translation>
    </message>
    <message>
        <source>Active learning: pick a pool and a strategy, then Start</source>
        <translation>Aktives Lernen: Pool und Strategie wählen, dann Starten</translation>
    </message>
    <message>
        <source>Open a project to label with active learning</source>
        <translation>Öffnen Sie ein Projekt, um mit aktivem Lernen zu labeln</translation>
    </message>
    <message>
        <source>%1 of %2 labeled · model %3</source>
        <translation>%1 von %2 gelabelt · Modell %3</translation>
    </message>
    <message>
        <source> · validation accuracy %1</source>
        <translation> · Validierungsgenauigkeit %1</translation>
    </message>
    <message>
        <source> · retraining…</source>
        <translation> · Neutraining läuft…</translation>
    </message>
    <message>
        <source>The dataset whose samples you label, or Recordings… to label windows of the project&apos;s recordings (stored as label segments)</source>
        <translation>Der Datensatz, dessen Samples Sie labeln, oder Aufnahmen…, um Fenster der Aufnahmen des Projekts zu labeln (als Label-Segmente gespeichert)</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>suggestions right</source>
        <translation>Vorschläge richtig</translation>
    </message>
    <message>
        <source>No classes to label with: add at least two classes to the project&apos;s label schema (Timeline tab, class field) first.</source>
        <translation>Keine Klassen zum Labeln: Fügen Sie zuerst mindestens zwei Klassen zum Label-Schema des Projekts hinzu (Reiter Zeitachse, Klassenfeld).</translation>
    </message>
    <message>
        <source>No recording chosen for the pool.</source>
        <translation>Keine Aufnahme für den Pool gewählt.</translation>
    </message>
    <message numerus="yes">
        <source>Active learning: windowing %n recording(s)</source>
        <translation>
            <numerusform>Aktives Lernen: %n Aufnahme wird in Fenster geteilt</numerusform>
            <numerusform>Aktives Lernen: %n Aufnahmen werden in Fenster geteilt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 @ %2 s</source>
        <translation>%1 @ %2 s</translation>
    </message>
    <message>
        <source>Recordings…</source>
        <translation>Aufnahmen…</translation>
    </message>
    <message>
        <source>Recordings: %1</source>
        <translation>Aufnahmen: %1</translation>
    </message>
    <message>
        <source>Accept %1 for window %2</source>
        <translation>%1 für Fenster %2 übernehmen</translation>
    </message>
    <message>
        <source>Label window %2 as %1</source>
        <translation>Fenster %2 als %1 labeln</translation>
    </message>
    <message>
        <source>s in %1</source>
        <translation>s in %1</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source> · suggestions right %1</source>
        <translation> · Vorschläge richtig %1</translation>
    </message>
    <message>
        <source> · left out: %1</source>
        <translation> · ausgelassen: %1</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::AuditPane</name>
    <message>
        <source>Audit</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>The model version the robustness and latency audits and the report are about</source>
        <translation>Die Modellversion, um die es bei Robustheits- und Latenzprüfung und im Bericht geht</translation>
    </message>
    <message>
        <source>Export report...</source>
        <translation>Bericht exportieren...</translation>
    </message>
    <message>
        <source>Write the one-page HTML audit report of this model version with its plots as PNG files (Ctrl+Shift+E)</source>
        <translation>Den einseitigen HTML-Prüfbericht dieser Modellversion mit ihren Diagrammen als PNG-Dateien schreiben (Strg+Umschalt+E)</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <source>Has the data moved away from what the model was trained on?</source>
        <translation>Haben sich die Daten von den Trainingsdaten des Modells entfernt?</translation>
    </message>
    <message>
        <source>Robustness</source>
        <translation>Robustheit</translation>
    </message>
    <message>
        <source>How easily is the model fooled by small perturbations and faults?</source>
        <translation>Wie leicht lässt sich das Modell durch kleine Störungen und Fehler täuschen?</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>No trained model in this project yet: the drift analysis works on CSV files; robustness and latency need a model from the Training pane.</source>
        <translation>Noch kein trainiertes Modell in diesem Projekt: Die Driftanalyse arbeitet mit CSV-Dateien; Robustheit und Latenz brauchen ein Modell aus dem Bereich Training.</translation>
    </message>
    <message>
        <source>Open or create a project to audit its models. The drift analysis works on CSV files without one.</source>
        <translation>Ein Projekt öffnen oder anlegen, um seine Modelle zu prüfen. Die Driftanalyse arbeitet auch ohne Projekt mit CSV-Dateien.</translation>
    </message>
    <message>
        <source>Cannot list the models: %1</source>
        <translation>Die Modelle können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>%1 (id %2, %3)</source>
        <translation>%1 (ID %2, %3)</translation>
    </message>
    <message>
        <source>Pick a model first: the report is about one model version.</source>
        <translation>Zuerst ein Modell auswählen: Der Bericht behandelt eine Modellversion.</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>Der Bericht konnte nicht geschrieben werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Report written: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; and %n image(s)</source>
        <translation>
            <numerusform>Bericht geschrieben: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; und %n Bild</numerusform>
            <numerusform>Bericht geschrieben: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; und %n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Export audit report</source>
        <translation>Prüfbericht exportieren</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML-Dateien (*.html)</translation>
    </message>
    <message>
        <source>How fast does the model answer, on this machine and on the devices?</source>
        <translation>Wie schnell antwortet das Modell, auf diesem Rechner und auf den Geräten?</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>A reference CSV against a live CSV</source>
        <translation>Eine Referenz-CSV gegen eine Live-CSV</translation>
    </message>
    <message>
        <source>Live devices</source>
        <translation>Live-Geräte</translation>
    </message>
    <message>
        <source>The devices&apos; predictions against the picked model&apos;s training features</source>
        <translation>Die Vorhersagen der Geräte gegen die Trainingsmerkmale des gewählten Modells</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>Dieser Rechner</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>Latency the devices report in their heartbeats</source>
        <translation>Latenz, die die Geräte in ihren Heartbeats melden</translation>
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
    <name>edgewise::gui::CompressionPane</name>
    <message>
        <source>Compression</source>
        <translation>Komprimierung</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>No trained model in this project yet. Train one in the Training pane, then compress it here.</source>
        <translation>Dieses Projekt hat noch kein trainiertes Modell. Trainieren Sie eines im Bereich Training und komprimieren Sie es dann hier.</translation>
    </message>
    <message>
        <source>Open or create a project, train a model, then compress it here.</source>
        <translation>Öffnen oder erstellen Sie ein Projekt, trainieren Sie ein Modell und komprimieren Sie es dann hier.</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Stärke:</translation>
    </message>
    <message>
        <source>then int8</source>
        <translation>danach int8</translation>
    </message>
    <message>
        <source>Fine-tune epochs:</source>
        <translation>Feintuning-Epochen:</translation>
    </message>
    <message>
        <source>Pruning and low rank: epochs of fine-tuning; distillation: 0 means 30</source>
        <translation>Ausdünnen und Low-Rank: Epochen des Feintunings; Destillation: 0 bedeutet 30</translation>
    </message>
    <message>
        <source>Calibration samples:</source>
        <translation>Kalibrierbeispiele:</translation>
    </message>
    <message>
        <source>Rows of the training split used to calibrate static int8</source>
        <translation>Zeilen des Trainingsanteils, mit denen die statische int8-Quantisierung kalibriert wird</translation>
    </message>
    <message>
        <source>Recipe:</source>
        <translation>Rezept:</translation>
    </message>
    <message>
        <source>e.g. prune:0.8+int8</source>
        <translation>z. B. prune:0.8+int8</translation>
    </message>
    <message>
        <source>Compress</source>
        <translation>Komprimieren</translation>
    </message>
    <message>
        <source>Compress the model with this recipe (Ctrl+Shift+K)</source>
        <translation>Das Modell mit diesem Rezept komprimieren (Strg+Umschalt+K)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the running compression (Esc); nothing is stored</source>
        <translation>Die laufende Komprimierung abbrechen (Esc); nichts wird gespeichert</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Varianten</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>A:</source>
        <translation>A:</translation>
    </message>
    <message>
        <source>B:</source>
        <translation>B:</translation>
    </message>
    <message>
        <source>p50 latency (µs, log)</source>
        <translation>p50-Latenz (µs, log.)</translation>
    </message>
    <message>
        <source>Test accuracy (%)</source>
        <translation>Testgenauigkeit (%)</translation>
    </message>
    <message>
        <source>%1 (%2, %3%)</source>
        <translation>%1 (%2, %3 %)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <source>Accuracy %1%, p50 %2 µs, %3</source>
        <translation>Genauigkeit %1 %, p50 %2 µs, %3</translation>
    </message>
    <message>
        <source>%1× the size, %2× the latency of its parent</source>
        <translation>%1× die Größe, %2× die Latenz des Ausgangsmodells</translation>
    </message>
    <message>
        <source>Export TorchScript...</source>
        <translation>Als TorchScript exportieren...</translation>
    </message>
    <message>
        <source>Export C99...</source>
        <translation>Als C99 exportieren...</translation>
    </message>
    <message>
        <source>Export model file...</source>
        <translation>Modelldatei exportieren...</translation>
    </message>
    <message>
        <source>Compare the two selected</source>
        <translation>Die beiden ausgewählten vergleichen</translation>
    </message>
    <message>
        <source>Compare with its parent</source>
        <translation>Mit dem Ausgangsmodell vergleichen</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>Löschen...</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>Modell löschen</translation>
    </message>
    <message>
        <source>Delete %1 from the project? Variants derived from it stay, without a parent.</source>
        <translation>%1 aus dem Projekt löschen? Davon abgeleitete Varianten bleiben erhalten, ohne Ausgangsmodell.</translation>
    </message>
    <message>
        <source>C sources (*.c *.h)</source>
        <translation>C-Quelltexte (*.c *.h)</translation>
    </message>
    <message>
        <source>TorchScript (*.pt)</source>
        <translation>TorchScript (*.pt)</translation>
    </message>
    <message>
        <source>Model files (*)</source>
        <translation>Modelldateien (*)</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>Modell exportieren</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
    <message>
        <source>Delete failed: %1</source>
        <translation>Löschen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Deleted model %1</source>
        <translation>Modell %1 gelöscht</translation>
    </message>
    <message>
        <source>Class accuracy (%)</source>
        <translation>Klassengenauigkeit (%)</translation>
    </message>
    <message>
        <source>Per-class accuracy</source>
        <translation>Genauigkeit je Klasse</translation>
    </message>
    <message>
        <source>points</source>
        <translation>Prozentpunkte</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Wahr</translation>
    </message>
    <message>
        <source>Confusion B − A (share of the true class, points)</source>
        <translation>Konfusion B − A (Anteil an der wahren Klasse, Prozentpunkte)</translation>
    </message>
    <message>
        <source>Pick two variants</source>
        <translation>Zwei Varianten auswählen</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>SQNR per layer: %1</source>
        <translation>SQNR je Schicht: %1</translation>
    </message>
    <message>
        <source>SQNR per layer (int8 variants only)</source>
        <translation>SQNR je Schicht (nur int8-Varianten)</translation>
    </message>
    <message>
        <source>A compression is already running.</source>
        <translation>Eine Komprimierung läuft bereits.</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>Zuerst ein Projekt öffnen oder anlegen.</translation>
    </message>
    <message>
        <source>Train a model first: there is nothing to compress.</source>
        <translation>Zuerst ein Modell trainieren: Es gibt nichts zu komprimieren.</translation>
    </message>
    <message>
        <source>Recipe: %1</source>
        <translation>Rezept: %1</translation>
    </message>
    <message>
        <source>Compress %1 with %2</source>
        <translation>%1 mit %2 komprimieren</translation>
    </message>
    <message>
        <source>%1: %2, accuracy %3% (%4%5 points), %6× the size</source>
        <translation>%1: %2, Genauigkeit %3 % (%4%5 Prozentpunkte), %6× die Größe</translation>
    </message>
    <message>
        <source>Compression cancelled; nothing was stored.</source>
        <translation>Komprimierung abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Compression failed: %1</source>
        <translation>Komprimierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The new variant: %1</source>
        <translation>Die neue Variante: %1</translation>
    </message>
    <message>
        <source>Starting %1...</source>
        <translation>Starte %1...</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Breche ab...</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ConfusionMatrixWidget</name>
    <message numerus="yes">
        <source>True %1, predicted %2: %n sample(s). Click to list them.</source>
        <translation>
            <numerusform>Wahr %1, vorhergesagt %2: %n Beispiel. Klicken, um es aufzulisten.</numerusform>
            <numerusform>Wahr %1, vorhergesagt %2: %n Beispiele. Klicken, um sie aufzulisten.</numerusform>
        </translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>vorhergesagt</translation>
    </message>
    <message>
        <source>true</source>
        <translation>wahr</translation>
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
    <name>edgewise::gui::DeployDialog</name>
    <message>
        <source>Deploy to the fleet</source>
        <translation>Auf die Flotte verteilen</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>The model to deploy; the plan picks for each device the best of it and its compressed variants that meets the device class&apos;s requirements.</source>
        <translation>Das zu verteilende Modell; der Plan wählt für jedes Gerät die beste seiner komprimierten Varianten, die die Anforderungen der Geräteklasse erfüllt.</translation>
    </message>
    <message>
        <source>&amp;Devices:</source>
        <translation>&amp;Geräte:</translation>
    </message>
    <message>
        <source>ids and globs, e.g. imu-0001, imu-* (empty: all)</source>
        <translation>IDs und Muster, z. B. imu-0001, imu-* (leer: alle)</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Klasse:</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Planen</translation>
    </message>
    <message>
        <source>Check each selected device&apos;s fit (Ctrl+P)</source>
        <translation>Eignung jedes gewählten Geräts prüfen (Strg+P)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Fit / reason skipped</source>
        <translation>Eignung / Grund für Auslassen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Canary:</source>
        <translation>Canary:</translation>
    </message>
    <message>
        <source>Deploy to this share of the devices first; 0: all at once</source>
        <translation>Zuerst auf diesen Anteil der Geräte verteilen; 0: alle auf einmal</translation>
    </message>
    <message>
        <source>Halt above:</source>
        <translation>Anhalten über:</translation>
    </message>
    <message>
        <source>Halt the rollout when more than this share of the canary fails</source>
        <translation>Rollout anhalten, wenn mehr als dieser Anteil der Canary-Geräte fehlschlägt</translation>
    </message>
    <message>
        <source>Health wait:</source>
        <translation>Gesundheitsprüfung nach:</translation>
    </message>
    <message>
        <source>After the canary, wait this long and check that its devices are still online and run the new model</source>
        <translation>Nach dem Canary so lange warten und prüfen, ob seine Geräte noch online sind und das neue Modell ausführen</translation>
    </message>
    <message>
        <source>&amp;Start rollout</source>
        <translation>Rollout &amp;starten</translation>
    </message>
    <message>
        <source>Cancel rollout</source>
        <translation>Rollout abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>%1 #%2 (variant of #%3)</source>
        <translation>%1 #%2 (Variante von #%3)</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>The project has no models: train one first.</source>
        <translation>Das Projekt enthält keine Modelle: zuerst eines trainieren.</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Zuerst ein Modell wählen.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ausgelassen</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) get a model</source>
        <translation>
            <numerusform>%n Gerät erhält ein Modell</numerusform>
            <numerusform>%n Geräte erhalten ein Modell</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n ausgelassen</numerusform>
            <numerusform>%n ausgelassen</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation>unbekannt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Rollout of %1 to %n device(s)</source>
        <translation>
            <numerusform>Rollout von %1 auf %n Gerät</numerusform>
            <numerusform>Rollout von %1 auf %n Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3 succeeded, %4 failed or refused, %5 skipped</source>
        <translation>%1: %2, %3 erfolgreich, %4 fehlgeschlagen oder abgelehnt, %5 ausgelassen</translation>
    </message>
    <message>
        <source>Rollout running…</source>
        <translation>Rollout läuft…</translation>
    </message>
    <message>
        <source>Cancelling: devices in flight end as failed, the rest are skipped…</source>
        <translation>Abbruch: laufende Geräte enden als fehlgeschlagen, die übrigen werden ausgelassen…</translation>
    </message>
    <message>
        <source>canary: %1</source>
        <translation>Canary: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The rollout failed: %1</source>
        <translation>Der Rollout ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::DriftTableModel</name>
    <message>
        <source>drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <source>PSI %1; for this window size PSI above %2 is unusual at level α on data without drift</source>
        <translation>PSI %1; bei dieser Fenstergröße ist ein PSI über %2 auf Daten ohne Drift zum Niveau α ungewöhnlich</translation>
    </message>
    <message>
        <source>Drifted: the KS p-value survives Benjamini-Hochberg at level α</source>
        <translation>Gedriftet: Der KS-p-Wert übersteht Benjamini-Hochberg zum Niveau α</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>KS statistic</source>
        <translation>KS-Statistik</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>p-Wert</translation>
    </message>
    <message>
        <source>Adjusted p</source>
        <translation>Korrigiertes p</translation>
    </message>
    <message>
        <source>PSI (threshold)</source>
        <translation>PSI (Schwelle)</translation>
    </message>
    <message>
        <source>Wasserstein</source>
        <translation>Wasserstein</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <source>Two-sample Kolmogorov-Smirnov statistic: the largest gap between the two empirical distribution functions</source>
        <translation>Zwei-Stichproben-Kolmogorow-Smirnow-Statistik: der größte Abstand zwischen den beiden empirischen Verteilungsfunktionen</translation>
    </message>
    <message>
        <source>KS p-value as scipy.stats.ks_2samp computes it</source>
        <translation>KS-p-Wert, wie scipy.stats.ks_2samp ihn berechnet</translation>
    </message>
    <message>
        <source>p-value adjusted for testing every feature (Benjamini-Hochberg)</source>
        <translation>p-Wert, korrigiert für den Test aller Merkmale (Benjamini-Hochberg)</translation>
    </message>
    <message>
        <source>Population stability index on reference-quantile bins, and the value it exceeds by chance with probability α for this window size</source>
        <translation>Population Stability Index auf Referenz-Quantil-Klassen und der Wert, den er bei dieser Fenstergröße zufällig mit Wahrscheinlichkeit α übersteigt</translation>
    </message>
    <message>
        <source>Earth mover&apos;s distance, in the feature&apos;s own units</source>
        <translation>Earth Mover’s Distance, in den Einheiten des Merkmals</translation>
    </message>
    <message>
        <source>Drifted when the adjusted p-value is at most α</source>
        <translation>Gedriftet, wenn der korrigierte p-Wert höchstens α ist</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::DriftView</name>
    <message>
        <source>Reference:</source>
        <translation>Referenz:</translation>
    </message>
    <message>
        <source>CSV with a header row: the features the model was trained on</source>
        <translation>CSV mit Kopfzeile: die Merkmale, mit denen das Modell trainiert wurde</translation>
    </message>
    <message>
        <source>Reference features (the training data): a CSV file with a header row of feature names and one row per sample</source>
        <translation>Referenzmerkmale (die Trainingsdaten): eine CSV-Datei mit einer Kopfzeile aus Merkmalsnamen und einer Zeile je Probe</translation>
    </message>
    <message>
        <source>Live:</source>
        <translation>Live:</translation>
    </message>
    <message>
        <source>CSV with the same columns: what the devices saw</source>
        <translation>CSV mit denselben Spalten: was die Geräte gesehen haben</translation>
    </message>
    <message>
        <source>Live features, matched to the reference&apos;s columns by name</source>
        <translation>Live-Merkmale, den Spalten der Referenz nach Namen zugeordnet</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>α:</source>
        <translation>α:</translation>
    </message>
    <message>
        <source>False discovery rate of the per-feature drift decision (Benjamini-Hochberg) and level of the multivariate MMD test</source>
        <translation>Falscherkennungsrate der Driftentscheidung je Merkmal (Benjamini-Hochberg) und Niveau des multivariaten MMD-Tests</translation>
    </message>
    <message>
        <source>Window rows:</source>
        <translation>Zeilen je Fenster:</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>Rows per live window of the timeline; auto: a tenth of the live file, at least 50</source>
        <translation>Zeilen je Live-Fenster im Verlauf; automatisch: ein Zehntel der Live-Datei, mindestens 50</translation>
    </message>
    <message>
        <source>Analyze drift</source>
        <translation>Drift analysieren</translation>
    </message>
    <message>
        <source>Compare the live file with the reference (Ctrl+Return)</source>
        <translation>Die Live-Datei mit der Referenz vergleichen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Reference vs live histogram of the selected feature</source>
        <translation>Histogramm Referenz gegen Live des ausgewählten Merkmals</translation>
    </message>
    <message>
        <source>Drift score over consecutive live windows</source>
        <translation>Drift-Wert über aufeinanderfolgende Live-Fenster</translation>
    </message>
    <message>
        <source>Open features</source>
        <translation>Merkmale öffnen</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a reference and a live CSV file first.</source>
        <translation>Zuerst eine Referenz- und eine Live-CSV-Datei wählen.</translation>
    </message>
    <message>
        <source>Drift of %1</source>
        <translation>Drift von %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n features drifted</source>
        <translation>
            <numerusform>%1 von %n Merkmal gedriftet</numerusform>
            <numerusform>%1 von %n Merkmalen gedriftet</numerusform>
        </translation>
    </message>
    <message>
        <source>Drift analysis cancelled.</source>
        <translation>Driftanalyse abgebrochen.</translation>
    </message>
    <message>
        <source>Drift analysis failed: %1</source>
        <translation>Driftanalyse fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Compare a live window of features with the reference the model was trained on. Both files need a header row of feature names.</source>
        <translation>Ein Live-Fenster von Merkmalen mit der Referenz vergleichen, auf der das Modell trainiert wurde. Beide Dateien brauchen eine Kopfzeile mit Merkmalsnamen.</translation>
    </message>
    <message>
        <source>No feature drifted (%1 reference rows, %2 live rows).</source>
        <translation>Kein Merkmal gedriftet (%1 Referenzzeilen, %2 Live-Zeilen).</translation>
    </message>
    <message>
        <source>Drift in %1 (%2 reference rows, %3 live rows).</source>
        <translation>Drift in %1 (%2 Referenzzeilen, %3 Live-Zeilen).</translation>
    </message>
    <message>
        <source>Multivariate MMD² %1, permutation p %2: %3.</source>
        <translation>Multivariat MMD² %1, Permutations-p %2: %3.</translation>
    </message>
    <message>
        <source>drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <source>no drift</source>
        <translation>keine Drift</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::FleetLatencyView</name>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the devices&apos; heartbeats from the project again</source>
        <translation>Die Heartbeats der Geräte erneut aus dem Projekt lesen</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Heartbeats</source>
        <translation>Heartbeats</translation>
    </message>
    <message>
        <source>p50 (µs)</source>
        <translation>p50 (µs)</translation>
    </message>
    <message>
        <source>p99 (µs)</source>
        <translation>p99 (µs)</translation>
    </message>
    <message>
        <source>Worst p99 (µs)</source>
        <translation>Schlechtestes p99 (µs)</translation>
    </message>
    <message>
        <source>Last version change</source>
        <translation>Letzter Versionswechsel</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>Alle Geräte</translation>
    </message>
    <message>
        <source>Cannot read the telemetry: %1</source>
        <translation>Die Telemetrie kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No heartbeats yet: devices report their latency every few seconds on edgewise/&lt;device&gt;/telemetry once the Fleet pane watches them.</source>
        <translation>Noch keine Heartbeats: Geräte melden ihre Latenz alle paar Sekunden auf edgewise/&lt;device&gt;/telemetry, sobald der Flotten-Bereich sie beobachtet.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 devices, %2 heartbeats; no model version is slower than the one before it (rule: median p50 over %3 heartbeats +%4 % and Mann-Whitney p &lt; %5).</source>
        <translation>%1 Geräte, %2 Heartbeats; keine Modellversion ist langsamer als ihre Vorgängerin (Regel: Median des p50 über %3 Heartbeats +%4 % und Mann-Whitney p &lt; %5).</translation>
    </message>
    <message>
        <source>Latency regression on %1: the new model version is slower than the previous one on the same device.</source>
        <translation>Latenzregression auf %1: Die neue Modellversion ist auf demselben Gerät langsamer als die vorige.</translation>
    </message>
    <message>
        <source>×%1 slower</source>
        <translation>×%1 langsamer</translation>
    </message>
    <message>
        <source>×%1, no regression</source>
        <translation>×%1, keine Regression</translation>
    </message>
    <message>
        <source>p50 %1 → %2 µs, Mann-Whitney p = %3</source>
        <translation>p50 %1 → %2 µs, Mann-Whitney p = %3</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::FleetPane</name>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n Kern</numerusform>
            <numerusform>%n Kerne</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>Rollback: %1</source>
        <translation>Zurücksetzen: %1</translation>
    </message>
    <message>
        <source>Rollback failed: %1</source>
        <translation>Zurücksetzen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;Broker:</source>
        <translation>&amp;Broker:</translation>
    </message>
    <message>
        <source>The broker the devices report to (from the Capture pane&apos;s settings)</source>
        <translation>Der Broker, an den die Geräte berichten (aus den Einstellungen des Aufnahme-Bereichs)</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Filter devices, classes, tags, models (Ctrl+F)</source>
        <translation>Geräte, Klassen, Tags, Modelle filtern (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Deploy…</source>
        <translation>&amp;Verteilen…</translation>
    </message>
    <message>
        <source>Plan and run a staged rollout (Ctrl+D)</source>
        <translation>Einen gestuften Rollout planen und ausführen (Strg+D)</translation>
    </message>
    <message>
        <source>&amp;Roll back group</source>
        <translation>Gruppe &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Give every device that got the model in the selected (or latest) deployment its previous model again</source>
        <translation>Jedem Gerät, das in der gewählten (oder letzten) Verteilung das Modell erhielt, wieder sein vorheriges Modell geben</translation>
    </message>
    <message>
        <source>Re&amp;quirements…</source>
        <translation>&amp;Anforderungen…</translation>
    </message>
    <message>
        <source>Limits and objective per device class, used by the plan</source>
        <translation>Grenzen und Ziel je Geräteklasse, vom Plan verwendet</translation>
    </message>
    <message>
        <source>&amp;Tags and class…</source>
        <translation>&amp;Tags und Klasse…</translation>
    </message>
    <message>
        <source>Edit the tags and class of the selected devices (Ctrl+T)</source>
        <translation>Tags und Klasse der gewählten Geräte bearbeiten (Strg+T)</translation>
    </message>
    <message>
        <source>Telemetry</source>
        <translation>Telemetrie</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>Verteilungen</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Model before → after</source>
        <translation>Modell vorher → nachher</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Verteilung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>latency p50 (ms)</source>
        <translation>Latenz p50 (ms)</translation>
    </message>
    <message>
        <source>latency p99 (ms)</source>
        <translation>Latenz p99 (ms)</translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>Listening to device status and telemetry on %1</source>
        <translation>Empfange Gerätestatus und Telemetrie über %1</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>verbindet neu</translation>
    </message>
    <message>
        <source>not heard in this session</source>
        <translation>in dieser Sitzung nicht gehört</translation>
    </message>
    <message>
        <source>Open a project to keep an inventory of devices and deploy to them.</source>
        <translation>Ein Projekt öffnen, um ein Geräteinventar zu führen und darauf zu verteilen.</translation>
    </message>
    <message>
        <source>No device has reported yet. Start edgewise-agent against %1.</source>
        <translation>Noch kein Gerät hat sich gemeldet. edgewise-agent mit %1 starten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2, agent %3, %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2, Agent %3, %4</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <source>Select a device to see its telemetry and deployments.</source>
        <translation>Ein Gerät wählen, um seine Telemetrie und Verteilungen zu sehen.</translation>
    </message>
    <message>
        <source>rollback</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>deploy</source>
        <translation>Verteilung</translation>
    </message>
    <message>
        <source>canary</source>
        <translation>Canary</translation>
    </message>
    <message>
        <source>rest</source>
        <translation>Rest</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>Open a project first: deployments are signed with its key and recorded in it.</source>
        <translation>Zuerst ein Projekt öffnen: Verteilungen werden mit seinem Schlüssel signiert und darin festgehalten.</translation>
    </message>
    <message>
        <source>Not connected: every device counts as offline. Connect to the broker first.</source>
        <translation>Nicht verbunden: jedes Gerät gilt als offline. Zuerst mit dem Broker verbinden.</translation>
    </message>
    <message>
        <source>Rollout %1 finished; see each device&apos;s Deployments tab.</source>
        <translation>Rollout %1 beendet; siehe den Reiter „Verteilungen“ jedes Geräts.</translation>
    </message>
    <message>
        <source>Nothing to roll back: no deployment recorded yet.</source>
        <translation>Nichts zurückzusetzen: noch keine Verteilung festgehalten.</translation>
    </message>
    <message>
        <source>Nothing to roll back in %1: no device got the model, or none had a previous one.</source>
        <translation>In %1 ist nichts zurückzusetzen: kein Gerät erhielt das Modell, oder keines hatte ein vorheriges.</translation>
    </message>
    <message>
        <source>Roll back group</source>
        <translation>Gruppe zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <source>Give %n device(s) of deployment %1 their previous model again?</source>
        <translation>
            <numerusform>%n Gerät der Verteilung %1 wieder sein vorheriges Modell geben?</numerusform>
            <numerusform>%n Geräten der Verteilung %1 wieder ihr vorheriges Modell geben?</numerusform>
        </translation>
    </message>
    <message>
        <source>Roll back %1</source>
        <translation>%1 zurücksetzen</translation>
    </message>
    <message>
        <source>%1 (%2): %3 devices back on their previous model, %4 not</source>
        <translation>%1 (%2): %3 Geräte wieder auf ihrem vorherigen Modell, %4 nicht</translation>
    </message>
    <message>
        <source>Rolling back %1…</source>
        <translation>Setze %1 zurück…</translation>
    </message>
    <message>
        <source>Requirements saved; the next plan uses them.</source>
        <translation>Anforderungen gespeichert; der nächste Plan verwendet sie.</translation>
    </message>
    <message>
        <source>Select one or more devices first.</source>
        <translation>Zuerst ein oder mehrere Geräte wählen.</translation>
    </message>
    <message numerus="yes">
        <source>Tags and class of %n device(s)</source>
        <translation>
            <numerusform>Tags und Klasse von %n Gerät</numerusform>
            <numerusform>Tags und Klasse von %n Geräten</numerusform>
        </translation>
    </message>
    <message>
        <source>comma separated, e.g. line-1, canary</source>
        <translation>durch Kommas getrennt, z. B. line-1, canary</translation>
    </message>
    <message>
        <source>Device class:</source>
        <translation>Geräteklasse:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <source>Connect to the broker (Enter in the address field) to see devices live.</source>
        <translation>Mit dem Broker verbinden (Eingabetaste im Adressfeld), um Geräte live zu sehen.</translation>
    </message>
    <message>
        <source>No broker at %1 yet; press Connect when it runs.</source>
        <translation>Noch kein Broker unter %1; „Verbinden“ drücken, sobald er läuft.</translation>
    </message>
    <message numerus="yes">
        <source>live: %1 of %n device(s) online</source>
        <translation>
            <numerusform>live: %1 von %n Gerät online</numerusform>
            <numerusform>live: %1 von %n Geräten online</numerusform>
        </translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Platzierung</translation>
    </message>
    <message>
        <source>Simulate where deep learning tasks run: edge servers or the cloud</source>
        <translation>Simulieren, wo Deep-Learning-Aufgaben laufen: auf Edge-Servern oder in der Cloud</translation>
    </message>
    <message>
        <source>Accept the new identity key of %1</source>
        <translation>Neuen Identitätsschlüssel von %1 annehmen</translation>
    </message>
    <message>
        <source>The device&apos;s identity key is unchanged</source>
        <translation>Der Identitätsschlüssel des Geräts ist unverändert</translation>
    </message>
    <message>
        <source>%1 has no changed identity key to accept.</source>
        <translation>%1 hat keinen geänderten Identitätsschlüssel zum Annehmen.</translation>
    </message>
    <message>
        <source>Accepted the new identity key %1 of %2: its deploy states are checked against it from now on.</source>
        <translation>Neuer Identitätsschlüssel %1 von %2 angenommen: Seine Deploy-Zustände werden ab jetzt damit geprüft.</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::FleetTableModel</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>vor %n s</numerusform>
            <numerusform>vor %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n min</numerusform>
            <numerusform>vor %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged drift alarm(s)</source>
        <translation>
            <numerusform>%n unbestätigter Driftalarm</numerusform>
            <numerusform>%n unbestätigte Driftalarme</numerusform>
        </translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <source>Identity key %1</source>
        <translation>Identitätsschlüssel %1</translation>
    </message>
    <message>
        <source>Identity key changed: the device now announces key %1 instead of %2. Its deploy states are not trusted until you accept the new key (context menu).</source>
        <translation>Identitätsschlüssel geändert: Das Gerät meldet jetzt den Schlüssel %1 statt %2. Seinen Deploy-Zuständen wird nicht vertraut, bis Sie den neuen Schlüssel annehmen (Kontextmenü).</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ImageGridView</name>
    <message>
        <source>Image dataset:</source>
        <translation>Bilddatensatz:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Click, Shift/Ctrl-click or drag to select · 1-9: assign the class to the selection · Ctrl+A: select all shown · Ctrl+Z: undo</source>
        <translation>Klicken, Umschalt-/Strg-Klick oder Ziehen zum Auswählen · 1-9: Klasse der Auswahl zuweisen · Strg+A: alle angezeigten auswählen · Strg+Z: rückgängig</translation>
    </message>
    <message>
        <source>All samples</source>
        <translation>Alle Samples</translation>
    </message>
    <message>
        <source>Unlabeled</source>
        <translation>Ungelabelt</translation>
    </message>
    <message>
        <source>Enter your name as annotator first</source>
        <translation>Geben Sie zuerst Ihren Namen als Annotator ein</translation>
    </message>
    <message numerus="yes">
        <source>Label %n sample(s) as %1</source>
        <translation>
            <numerusform>%n Sample als %1 labeln</numerusform>
            <numerusform>%n Samples als %1 labeln</numerusform>
        </translation>
    </message>
    <message>
        <source>No class has key %1</source>
        <translation>Keine Klasse hat die Taste %1</translation>
    </message>
    <message>
        <source>No image dataset in this project (File &gt; Import dataset)</source>
        <translation>Kein Bilddatensatz in diesem Projekt (Datei &gt; Datensatz importieren)</translation>
    </message>
    <message>
        <source>Pick an image dataset</source>
        <translation>Bilddatensatz wählen</translation>
    </message>
    <message>
        <source>%1 samples · %2 labeled · %3 shown · %4 selected</source>
        <translation>%1 Samples · %2 gelabelt · %3 angezeigt · %4 ausgewählt</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ImportDatasetDialog</name>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-Dateien (*.csv *.txt)</translation>
    </message>
    <message>
        <source>IDX files (*-ubyte *-ubyte.gz *.idx *.gz)</source>
        <translation>IDX-Dateien (*-ubyte *-ubyte.gz *.idx *.gz)</translation>
    </message>
    <message>
        <source>Import Dataset</source>
        <translation>Datensatz importieren</translation>
    </message>
    <message>
        <source>OpenCV digits.png (20x20 digits)</source>
        <translation>OpenCV digits.png (Ziffern 20x20)</translation>
    </message>
    <message>
        <source>IDX (MNIST) image and label files</source>
        <translation>IDX (MNIST): Bild- und Label-Datei</translation>
    </message>
    <message>
        <source>CSV with a label column</source>
        <translation>CSV mit einer Label-Spalte</translation>
    </message>
    <message>
        <source>Image folder (one subfolder per class)</source>
        <translation>Bildordner (ein Unterordner je Klasse)</translation>
    </message>
    <message>
        <source>WAV folder (one subfolder per class)</source>
        <translation>WAV-Ordner (ein Unterordner je Klasse)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Dataset &amp;name:</source>
        <translation>&amp;Name des Datensatzes:</translation>
    </message>
    <message>
        <source>&amp;Labels file:</source>
        <translation>&amp;Label-Datei:</translation>
    </message>
    <message>
        <source>Label &amp;column:</source>
        <translation>Label-&amp;Spalte:</translation>
    </message>
    <message>
        <source>A header name or a 0-based column index; -1 is the last column.</source>
        <translation>Ein Spaltenname oder ein Spaltenindex ab 0; -1 ist die letzte Spalte.</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Samples per class</source>
        <translation>Beispiele je Klasse</translation>
    </message>
    <message>
        <source>Rejected files and rows</source>
        <translation>Abgelehnte Dateien und Zeilen</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>&amp;Image file:</source>
        <translation>&amp;Bilddatei:</translation>
    </message>
    <message>
        <source>OpenCV&apos;s samples/data/digits.png: 5000 handwritten digits, 500 per class.</source>
        <translation>samples/data/digits.png aus OpenCV: 5000 handgeschriebene Ziffern, 500 je Klasse.</translation>
    </message>
    <message>
        <source>&amp;Images file:</source>
        <translation>&amp;Bilderdatei:</translation>
    </message>
    <message>
        <source>An idx3-ubyte images file and its idx1-ubyte labels file, plain or gzip-compressed.</source>
        <translation>Eine idx3-ubyte-Bilderdatei und ihre idx1-ubyte-Label-Datei, unkomprimiert oder mit gzip komprimiert.</translation>
    </message>
    <message>
        <source>&amp;CSV file:</source>
        <translation>&amp;CSV-Datei:</translation>
    </message>
    <message>
        <source>One sample per row: numeric feature columns and one label column. Rows that cannot be read are listed, not imported.</source>
        <translation>Ein Beispiel je Zeile: numerische Merkmalsspalten und eine Label-Spalte. Unlesbare Zeilen werden aufgelistet, nicht importiert.</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>FOLDER/&lt;class&gt;/*.png|jpg: every image must have the size of the first one.</source>
        <translation>ORDNER/&lt;Klasse&gt;/*.png|jpg: jedes Bild muss die Größe des ersten haben.</translation>
    </message>
    <message>
        <source>FOLDER/&lt;class&gt;/*.wav: 16-bit PCM, mono or stereo, one sample rate.</source>
        <translation>ORDNER/&lt;Klasse&gt;/*.wav: 16-Bit-PCM, mono oder stereo, eine Abtastrate.</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <source>Open or create a project first (File &gt; Open).</source>
        <translation>Zuerst ein Projekt öffnen oder anlegen (Datei &gt; Öffnen).</translation>
    </message>
    <message>
        <source>Choose what to import.</source>
        <translation>Wählen Sie, was importiert werden soll.</translation>
    </message>
    <message>
        <source>Choose the IDX labels file.</source>
        <translation>Wählen Sie die IDX-Label-Datei.</translation>
    </message>
    <message>
        <source>Give the dataset a name.</source>
        <translation>Geben Sie dem Datensatz einen Namen.</translation>
    </message>
    <message>
        <source>Import dataset %1</source>
        <translation>Datensatz %1 importieren</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Lese %1</translation>
    </message>
    <message numerus="yes">
        <source>Writing %n samples</source>
        <translation>
            <numerusform>Schreibe %n Beispiel</numerusform>
            <numerusform>Schreibe %n Beispiele</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %n samples</source>
        <translation>
            <numerusform>%1 importiert: %n Beispiel</numerusform>
            <numerusform>%1 importiert: %n Beispiele</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n rejected</source>
        <translation>
            <numerusform>, %n abgelehnt</numerusform>
            <numerusform>, %n abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>Importiere...</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Import fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Simulated IMU activity</source>
        <translation>Simulierte IMU-Aktivität</translation>
    </message>
    <message>
        <source>&amp;Windows per class:</source>
        <translation>&amp;Fenster je Klasse:</translation>
    </message>
    <message>
        <source>Window &amp;length:</source>
        <translation>Fenster&amp;länge:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Sample &amp;rate:</source>
        <translation>Abtast&amp;rate:</translation>
    </message>
    <message>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>&amp;Seed:</translation>
    </message>
    <message>
        <source>The same settings and seed give the same dataset on every machine</source>
        <translation>Gleiche Einstellungen und gleicher Seed ergeben auf jedem Rechner denselben Datensatz</translation>
    </message>
    <message>
        <source>6-axis IMU windows (accelerometer and gyroscope) of idle, walk, run, stairs and fall from 8 simulated wearers, made on this machine.</source>
        <translation>6-achsige IMU-Fenster (Beschleunigungssensor und Gyroskop) von Ruhe, Gehen, Laufen, Treppe und Sturz von 8 simulierten Trägern, auf diesem Rechner erzeugt.</translation>
    </message>
    <message>
        <source>Simulating IMU windows</source>
        <translation>IMU-Fenster werden simuliert</translation>
    </message>
    <message>
        <source>Recordings from the capture pane</source>
        <translation>Aufnahmen aus dem Erfassungsbereich</translation>
    </message>
    <message>
        <source>&amp;Recordings:</source>
        <translation>&amp;Aufnahmen:</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Datenstrom</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Type a label for each recording to import; recordings without a label are left out.</source>
        <translation>Geben Sie jeder zu importierenden Aufnahme ein Label; Aufnahmen ohne Label werden ausgelassen.</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>F&amp;enster:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>S&amp;tride:</source>
        <translation>&amp;Schrittweite:</translation>
    </message>
    <message>
        <source>A new window starts every stride; a trailing partial window is dropped.</source>
        <translation>Nach jeder Schrittweite beginnt ein neues Fenster; ein unvollständiges letztes Fenster wird verworfen.</translation>
    </message>
    <message>
        <source>Each labelled recording&apos;s stream is cut into windows; every window gets the recording&apos;s label. All chosen streams need the same channels and sample rate.</source>
        <translation>Der Datenstrom jeder Aufnahme mit Label wird in Fenster geschnitten; jedes Fenster erhält das Label der Aufnahme. Alle gewählten Datenströme brauchen dieselben Kanäle und dieselbe Abtastrate.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n channels at %1 Hz</source>
        <translation>
            <numerusform>%n Kanal bei %1 Hz</numerusform>
            <numerusform>%n Kanäle bei %1 Hz</numerusform>
        </translation>
    </message>
    <message>
        <source>(no time-series stream)</source>
        <translation>(kein Zeitreihen-Datenstrom)</translation>
    </message>
    <message>
        <source>Type a label for at least one recording to import.</source>
        <translation>Geben Sie mindestens einer Aufnahme ein Label, um sie zu importieren.</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n recordings</source>
        <translation>
            <numerusform>Lese %n Aufnahme</numerusform>
            <numerusform>Lese %n Aufnahmen</numerusform>
        </translation>
    </message>
    <message>
        <source>Effective labels</source>
        <translation>Effektive Labels</translation>
    </message>
    <message>
        <source>La&amp;bels:</source>
        <translation>La&amp;bels:</translation>
    </message>
    <message>
        <source>One label per recording (typed below)</source>
        <translation>Ein Label pro Aufnahme (unten eingeben)</translation>
    </message>
    <message>
        <source>Labeling pane: the effective labels of each window</source>
        <translation>Beschriftungsbereich: die effektiven Labels jedes Fensters</translation>
    </message>
    <message>
        <source>Checked recordings are imported. The column shows how much of each recording has an effective label per class, and how much is an unresolved disagreement.</source>
        <translation>Markierte Aufnahmen werden importiert. Die Spalte zeigt, wie viel jeder Aufnahme pro Klasse ein effektives Label hat und wie viel eine ungelöste Abweichung ist.</translation>
    </message>
    <message>
        <source>Each checked recording&apos;s stream is cut into windows; a window takes the class whose effective labels (adjudicated, unanimous, single or majority) cover more than half of it. Other windows are skipped and counted under Rejected. All chosen streams need the same channels and sample rate.</source>
        <translation>Der Stream jeder markierten Aufnahme wird in Fenster geteilt; ein Fenster erhält die Klasse, deren effektive Labels (entschieden, einstimmig, einzeln oder Mehrheit) mehr als die Hälfte davon abdecken. Andere Fenster werden übersprungen und unter „Abgelehnt“ gezählt. Alle gewählten Streams brauchen dieselben Kanäle und dieselbe Abtastrate.</translation>
    </message>
    <message>
        <source>%1 %2 s</source>
        <translation>%1 %2 s</translation>
    </message>
    <message>
        <source>%1 s unresolved</source>
        <translation>%1 s ungelöst</translation>
    </message>
    <message>
        <source>(no labels)</source>
        <translation>(keine Labels)</translation>
    </message>
    <message>
        <source>Check at least one recording to import.</source>
        <translation>Markieren Sie mindestens eine Aufnahme zum Importieren.</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::JobStrip</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the running audit (Esc)</source>
        <translation>Die laufende Prüfung stoppen (Esc)</translation>
    </message>
    <message>
        <source>An audit of this kind is already running.</source>
        <translation>Eine Prüfung dieser Art läuft bereits.</translation>
    </message>
    <message>
        <source>Starting %1...</source>
        <translation>Starte %1...</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>Zuerst ein Projekt öffnen oder anlegen.</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Breche ab...</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::LabelingPane</name>
    <message>
        <source>Labeling</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Datenstrom</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Show or hide channels</source>
        <translation>Kanäle ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Stacked</source>
        <translation>Gestapelt</translation>
    </message>
    <message>
        <source>Overlaid</source>
        <translation>Überlagert</translation>
    </message>
    <message>
        <source>Draw each channel in its own band, or all on one axis</source>
        <translation>Jeden Kanal in einem eigenen Band zeichnen oder alle auf einer Achse</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole recording</source>
        <translation>Die ganze Aufzeichnung anzeigen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last label edit (Ctrl+Z in the timeline)</source>
        <translation>Die letzte Label-Änderung rückgängig machen (Strg+Z in der Zeitleiste)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z in the timeline)</source>
        <translation>Wiederholen (Strg+Umschalt+Z in der Zeitleiste)</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <source>new class</source>
        <translation>neue Klasse</translation>
    </message>
    <message>
        <source>Add class</source>
        <translation>Klasse hinzufügen</translation>
    </message>
    <message>
        <source>Drag to label, drag an edge to resize, click to select; 1-9 class, Del delete, Ctrl+Z undo; arrows and PageUp/PageDown move, wheel or +/- zoom, Shift+drag pans; N next unlabeled, S next suggestion</source>
        <translation>Ziehen zum Beschriften, Rand ziehen zum Ändern der Größe, Klicken zum Auswählen; 1-9 Klasse, Entf löschen, Strg+Z rückgängig; Pfeiltasten und Bild↑/Bild↓ verschieben, Mausrad oder +/- zoomen, Umschalt+Ziehen verschiebt die Ansicht; N nächste unbeschriftete Stelle, S nächster Vorschlag</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1 (%2 s)</source>
        <translation>%1 (%2 s)</translation>
    </message>
    <message numerus="yes">
        <source>%1 / %2 (%n sample(s))</source>
        <translation>
            <numerusform>%1 / %2 (%n Messwert)</numerusform>
            <numerusform>%1 / %2 (%n Messwerte)</numerusform>
        </translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <source>Open a project to label its recordings.</source>
        <translation>Öffnen Sie ein Projekt, um seine Aufzeichnungen zu beschriften.</translation>
    </message>
    <message>
        <source>Could not read the recording: %1</source>
        <translation>Die Aufzeichnung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This project has no recordings yet: record some in the Capture pane.</source>
        <translation>Dieses Projekt hat noch keine Aufzeichnungen: Zeichnen Sie welche im Bereich Erfassung auf.</translation>
    </message>
    <message>
        <source>Add a class to start labeling.</source>
        <translation>Fügen Sie eine Klasse hinzu, um mit der Beschriftung zu beginnen.</translation>
    </message>
    <message>
        <source>no annotator name</source>
        <translation>kein Annotatorname</translation>
    </message>
    <message>
        <source>Could not add the class: %1</source>
        <translation>Die Klasse konnte nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s), %1 selected; annotator: %2</source>
        <translation>
            <numerusform>%n Label, %1 ausgewählt; Annotator: %2</numerusform>
            <numerusform>%n Labels, %1 ausgewählt; Annotator: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Agreement between the annotators of this recording and their disagreements</source>
        <translation>Übereinstimmung der Annotatoren dieser Aufnahme und ihre Abweichungen</translation>
    </message>
    <message>
        <source>Could not change the class: %1</source>
        <translation>Die Klasse konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Edit class %1</source>
        <translation>Klasse %1 bearbeiten</translation>
    </message>
    <message>
        <source>Edit class</source>
        <translation>Klasse bearbeiten</translation>
    </message>
    <message>
        <source>Class color</source>
        <translation>Klassenfarbe</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Color:</source>
        <translation>Farbe:</translation>
    </message>
    <message>
        <source>Shortcut key:</source>
        <translation>Tastenkürzel:</translation>
    </message>
    <message>
        <source>Renaming changes the class of every label that uses it.</source>
        <translation>Das Umbenennen ändert die Klasse jedes Labels, das sie verwendet.</translation>
    </message>
    <message>
        <source>Class %1: key %2 assigns it to the selected labels. Right-click to rename it or change its color or key.</source>
        <translation>Klasse %1: Taste %2 weist sie den ausgewählten Labels zu. Rechtsklick, um sie umzubenennen oder Farbe bzw. Taste zu ändern.</translation>
    </message>
    <message>
        <source>Class %1. Right-click to rename it or change its color or key.</source>
        <translation>Klasse %1. Rechtsklick, um sie umzubenennen oder Farbe bzw. Taste zu ändern.</translation>
    </message>
    <message>
        <source>Edit class…</source>
        <translation>Klasse bearbeiten…</translation>
    </message>
    <message>
        <source>Spectrogram</source>
        <translation>Spektrogramm</translation>
    </message>
    <message>
        <source>Show the spectrogram (dB over frequency) under the waveform of an audio stream</source>
        <translation>Spektrogramm (dB über der Frequenz) unter der Wellenform eines Audiostreams anzeigen</translation>
    </message>
    <message>
        <source>Asked to label recording %1, which this project does not have: %2</source>
        <translation>Anfrage zum Labeln der Aufnahme %1, die es in diesem Projekt nicht gibt: %2</translation>
    </message>
    <message>
        <source>To label: %1 – %2 s. %3</source>
        <translation>Zu labeln: %1 – %2 s. %3</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Active learning: label what the model needs most, with its suggestion as a pre-annotation</source>
        <translation>Aktives Lernen: labeln, was das Modell am meisten braucht, mit seinem Vorschlag als Vorannotation</translation>
    </message>
    <message>
        <source>Image grid</source>
        <translation>Bildraster</translation>
    </message>
    <message>
        <source>Label the samples of an image dataset in a grid</source>
        <translation>Die Samples eines Bilddatensatzes in einem Raster labeln</translation>
    </message>
    <message>
        <source>Hide this request</source>
        <translation>Diese Anfrage ausblenden</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::LatencyView</name>
    <message>
        <source>Measure for:</source>
        <translation>Messen für:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>The timed phase runs at least this long and at least 50 times</source>
        <translation>Die gemessene Phase läuft mindestens so lange und mindestens 50-mal</translation>
    </message>
    <message>
        <source>Run benchmark</source>
        <translation>Benchmark starten</translation>
    </message>
    <message>
        <source>Load the model, time single-sample predictions on this machine (Ctrl+Return)</source>
        <translation>Das Modell laden und Vorhersagen einzelner Proben auf diesem Rechner messen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Init (load):</source>
        <translation>Initialisierung (Laden):</translation>
    </message>
    <message>
        <source>First inference:</source>
        <translation>Erste Inferenz:</translation>
    </message>
    <message>
        <source>Warm-up:</source>
        <translation>Aufwärmen:</translation>
    </message>
    <message>
        <source>Timed runs:</source>
        <translation>Gemessene Durchläufe:</translation>
    </message>
    <message>
        <source>p50:</source>
        <translation>p50:</translation>
    </message>
    <message>
        <source>p90:</source>
        <translation>p90:</translation>
    </message>
    <message>
        <source>p99:</source>
        <translation>p99:</translation>
    </message>
    <message>
        <source>Max:</source>
        <translation>Max.:</translation>
    </message>
    <message>
        <source>Mean ± std:</source>
        <translation>Mittel ± Std.-Abw.:</translation>
    </message>
    <message>
        <source>Coefficient of variation:</source>
        <translation>Variationskoeffizient:</translation>
    </message>
    <message>
        <source>Peak RSS:</source>
        <translation>Spitzen-RSS:</translation>
    </message>
    <message>
        <source>Standard deviation over mean: above 0.5 the machine was busy or the model&apos;s time varies a lot</source>
        <translation>Standardabweichung durch Mittelwert: über 0,5 war der Rechner ausgelastet oder die Laufzeit des Modells schwankt stark</translation>
    </message>
    <message>
        <source>Peak resident memory of a separate process that loads the model and serves the test rows</source>
        <translation>Spitzenwert des residenten Speichers eines eigenen Prozesses, der das Modell lädt und die Testzeilen bedient</translation>
    </message>
    <message>
        <source>Pick a model to benchmark: train one in the Training pane first.</source>
        <translation>Ein Modell für den Benchmark auswählen: zuerst eines im Bereich Training trainieren.</translation>
    </message>
    <message>
        <source>Latency of %1</source>
        <translation>Latenz von %1</translation>
    </message>
    <message numerus="yes">
        <source>p50 %1 µs, p99 %2 µs over %n runs</source>
        <translation>
            <numerusform>p50 %1 µs, p99 %2 µs über %n Durchlauf</numerusform>
            <numerusform>p50 %1 µs, p99 %2 µs über %n Durchläufe</numerusform>
        </translation>
    </message>
    <message>
        <source>Latency benchmark cancelled.</source>
        <translation>Latenz-Benchmark abgebrochen.</translation>
    </message>
    <message>
        <source>Latency benchmark failed: %1</source>
        <translation>Latenz-Benchmark fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Benchmark the chosen model on this machine: single-sample predictions, as a device serves them.</source>
        <translation>Das gewählte Modell auf diesem Rechner messen: Vorhersagen einzelner Proben, wie ein Gerät sie bedient.</translation>
    </message>
    <message>
        <source>Latency histogram</source>
        <translation>Latenz-Histogramm</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <source>%n runs, mean %1</source>
        <translation>
            <numerusform>%n Durchlauf, Mittel %1</numerusform>
            <numerusform>%n Durchläufe, Mittel %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2 s</source>
        <translation>%1 in %2 s</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::LiveDriftView</name>
    <message>
        <source>Broker:</source>
        <translation>Broker:</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Fenster:</translation>
    </message>
    <message>
        <source> predictions</source>
        <translation> Vorhersagen</translation>
    </message>
    <message>
        <source>Predictions per device scored together against the reference</source>
        <translation>Vorhersagen pro Gerät, die gemeinsam gegen die Referenz bewertet werden</translation>
    </message>
    <message>
        <source>α:</source>
        <translation>α:</translation>
    </message>
    <message>
        <source>False discovery rate of the per-feature decision (Benjamini-Hochberg) per window</source>
        <translation>Falscherkennungsrate der Entscheidung pro Merkmal (Benjamini-Hochberg) pro Fenster</translation>
    </message>
    <message>
        <source>Watch devices</source>
        <translation>Geräte beobachten</translation>
    </message>
    <message>
        <source>Compute the picked model&apos;s training features and score every device&apos;s predictions against them</source>
        <translation>Die Trainingsmerkmale des gewählten Modells berechnen und die Vorhersagen jedes Geräts dagegen bewerten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Simulator:</source>
        <translation>Simulator:</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>gain</source>
        <translation>Verstärkung</translation>
    </message>
    <message>
        <source>Added to the channel (bias) or multiplying it (gain)</source>
        <translation>Zum Kanal addiert (Offset) oder mit ihm multipliziert (Verstärkung)</translation>
    </message>
    <message>
        <source>Inject drift</source>
        <translation>Drift einspeisen</translation>
    </message>
    <message>
        <source>Send inject_drift to the selected simulated device</source>
        <translation>inject_drift an das gewählte simulierte Gerät senden</translation>
    </message>
    <message>
        <source>Clear drift</source>
        <translation>Drift entfernen</translation>
    </message>
    <message>
        <source>Create labeling task from drifted windows</source>
        <translation>Annotationsaufgabe aus gedrifteten Fenstern erstellen</translation>
    </message>
    <message>
        <source>Save the device&apos;s drifted windows as a recording of the project and open it in the Labeling pane</source>
        <translation>Die gedrifteten Fenster des Geräts als Aufnahme im Projekt speichern und im Annotations-Bereich öffnen</translation>
    </message>
    <message>
        <source>Already watching: stop first.</source>
        <translation>Beobachtung läuft bereits: zuerst stoppen.</translation>
    </message>
    <message>
        <source>Pick a trained model: its training features are the reference.</source>
        <translation>Wählen Sie ein trainiertes Modell: Seine Trainingsmerkmale sind die Referenz.</translation>
    </message>
    <message>
        <source>Live drift of model %1</source>
        <translation>Live-Drift von Modell %1</translation>
    </message>
    <message>
        <source>Watching %1 for predictions (reference: %2 training rows)</source>
        <translation>Beobachte %1 auf Vorhersagen (Referenz: %2 Trainingszeilen)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot watch: %1</source>
        <translation>Beobachtung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Stopped. %1 alarms were written to the project.</source>
        <translation>Gestoppt. %1 Alarme wurden ins Projekt geschrieben.</translation>
    </message>
    <message>
        <source>Pick a trained model above and watch the devices that run it: every device&apos;s predictions are compared with the model&apos;s training features, window by window.</source>
        <translation>Wählen Sie oben ein trainiertes Modell und beobachten Sie die Geräte, auf denen es läuft: Die Vorhersagen jedes Geräts werden Fenster für Fenster mit den Trainingsmerkmalen des Modells verglichen.</translation>
    </message>
    <message>
        <source>Reference vs live histogram of the selected feature</source>
        <translation>Histogramm Referenz gegen live des gewählten Merkmals</translation>
    </message>
    <message>
        <source>Drift score per window of the selected device</source>
        <translation>Drift-Score pro Fenster des gewählten Geräts</translation>
    </message>
    <message>
        <source>%1 devices, %2 predictions, %3 windows scored, %4 alarms.</source>
        <translation>%1 Geräte, %2 Vorhersagen, %3 Fenster bewertet, %4 Alarme.</translation>
    </message>
    <message>
        <source>%1 predictions could not be used (%2).</source>
        <translation>%1 Vorhersagen konnten nicht verwendet werden (%2).</translation>
    </message>
    <message>
        <source>%1 runs a model without a reference.</source>
        <translation>%1 führt ein Modell ohne Referenz aus.</translation>
    </message>
    <message>
        <source>%1: first window %2 of %3 predictions.</source>
        <translation>%1: erstes Fenster %2 von %3 Vorhersagen.</translation>
    </message>
    <message numerus="yes">
        <source>%1: no feature moved in the latest window (%n alarms so far).</source>
        <translation>
            <numerusform>%1: Kein Merkmal hat sich im letzten Fenster verschoben (bisher %n Alarm).</numerusform>
            <numerusform>%1: Kein Merkmal hat sich im letzten Fenster verschoben (bisher %n Alarme).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weiteres</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: drift in %2.</source>
        <translation>%1: Drift in %2.</translation>
    </message>
    <message>
        <source>Watch the devices and pick one first.</source>
        <translation>Beobachten Sie zuerst die Geräte und wählen Sie eines.</translation>
    </message>
    <message>
        <source>Cannot send %1 to %2: %3</source>
        <translation>%1 kann nicht an %2 gesendet werden: %3</translation>
    </message>
    <message>
        <source>Sent %1 to %2.</source>
        <translation>%1 an %2 gesendet.</translation>
    </message>
    <message>
        <source>Open a project and pick a device with drifted windows first.</source>
        <translation>Öffnen Sie zuerst ein Projekt und wählen Sie ein Gerät mit gedrifteten Fenstern.</translation>
    </message>
    <message>
        <source>No labeling task: %1</source>
        <translation>Keine Annotationsaufgabe: %1</translation>
    </message>
    <message numerus="yes">
        <source>Drift on %1 in %n windows (%2)</source>
        <translation>
            <numerusform>Drift auf %1 in %n Fenster (%2)</numerusform>
            <numerusform>Drift auf %1 in %n Fenstern (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording %1 with %2 rows of drifted windows sent to labeling.</source>
        <translation>Aufnahme %1 mit %2 Zeilen gedrifteter Fenster an die Annotation gesendet.</translation>
    </message>
    <message>
        <source>The broker the devices publish their predictions to; empty: no broker (recordings only)</source>
        <translation>Der Broker, an den die Geräte ihre Vorhersagen senden; leer: kein Broker (nur Aufnahmen)</translation>
    </message>
    <message>
        <source>Replay recording</source>
        <translation>Aufnahme abspielen</translation>
    </message>
    <message>
        <source>Score the picked recording&apos;s samples as one device&apos;s predictions (its channels must be the model&apos;s features, e.g. drifted windows saved here)</source>
        <translation>Die Samples der gewählten Aufnahme als Vorhersagen eines Geräts bewerten (ihre Kanäle müssen die Merkmale des Modells sein, z. B. hier gespeicherte gedriftete Fenster)</translation>
    </message>
    <message>
        <source>Watch first (leave the broker empty to score recordings only).</source>
        <translation>Zuerst beobachten (Broker leer lassen, um nur Aufnahmen zu bewerten).</translation>
    </message>
    <message>
        <source>Cannot read recording %1: %2</source>
        <translation>Aufnahme %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Recording %1 has no stream with the model&apos;s %2 features.</source>
        <translation>Aufnahme %1 hat keinen Stream mit den %2 Merkmalen des Modells.</translation>
    </message>
    <message>
        <source>Recording %1: %2 rows scored.</source>
        <translation>Aufnahme %1: %2 Zeilen bewertet.</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>Referenz:</translation>
    </message>
    <message>
        <source>training data</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <source>each device&apos;s first</source>
        <translation>eigene erste</translation>
    </message>
    <message>
        <source>Training data: does the model still see what it was trained on (a single device always differs from the population somewhat). Each device&apos;s first predictions: did the device change since the model was installed (blind to a difference it already had).</source>
        <translation>Trainingsdaten: Sieht das Modell noch, womit es trainiert wurde (ein einzelnes Gerät weicht immer etwas von der Gesamtheit ab)? Eigene erste Vorhersagen jedes Geräts: Hat sich das Gerät seit der Installation des Modells verändert (blind für einen Unterschied, den es schon vorher hatte)?</translation>
    </message>
    <message>
        <source>Predictions of each device, after its model changes, that are not scored but become its own reference</source>
        <translation>Vorhersagen jedes Geräts nach einem Modellwechsel, die nicht bewertet werden, sondern seine eigene Referenz bilden</translation>
    </message>
    <message>
        <source>The reference applies when the devices are watched again.</source>
        <translation>Die Referenz gilt, sobald die Geräte erneut beobachtet werden.</translation>
    </message>
    <message>
        <source>Watching %1 for predictions (reference: each device&apos;s first %2 predictions)</source>
        <translation>Beobachte %1 auf Vorhersagen (Referenz: die ersten %2 Vorhersagen jedes Geräts)</translation>
    </message>
    <message>
        <source>%1: learning its own baseline, %2 of %3 predictions.</source>
        <translation>%1: lernt seine eigene Basislinie, %2 von %3 Vorhersagen.</translation>
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
    <name>edgewise::gui::ModelsTableModel</name>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 (%2), trained on %3 (version %4) with seed %5</source>
        <translation>%1 (%2), trainiert auf %3 (Version %4) mit Seed %5</translation>
    </message>
    <message>
        <source>Its dataset has been removed.</source>
        <translation>Sein Datensatz wurde gelöscht.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Accuracy on the test split</source>
        <translation>Genauigkeit auf dem Testanteil</translation>
    </message>
    <message>
        <source>Unweighted mean of the per-class F1 scores (test split)</source>
        <translation>Ungewichteter Mittelwert der F1-Werte je Klasse (Testanteil)</translation>
    </message>
    <message>
        <source>Learned numbers the model holds</source>
        <translation>Gelernte Zahlen, die das Modell enthält</translation>
    </message>
    <message>
        <source>Size of the model file</source>
        <translation>Größe der Modelldatei</translation>
    </message>
    <message>
        <source>Median single-sample prediction time on this machine</source>
        <translation>Median der Vorhersagezeit für ein Beispiel auf diesem Rechner</translation>
    </message>
    <message>
        <source>Training time</source>
        <translation>Trainingsdauer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Macro-F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>Latenz p50</translation>
    </message>
    <message>
        <source>Train time</source>
        <translation>Trainingszeit</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::PlacementView</name>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <source>LBF</source>
        <translation>LBF</translation>
    </message>
    <message>
        <source>online (competitive)</source>
        <translation>online (kompetitiv)</translation>
    </message>
    <message>
        <source>fixed %1</source>
        <translation>fest %1</translation>
    </message>
    <message>
        <source>Edge servers:</source>
        <translation>Edge-Server:</translation>
    </message>
    <message>
        <source>First sweep: the number of edge servers, from – to, step</source>
        <translation>Erste Reihe: Anzahl der Edge-Server, von – bis, Schritt</translation>
    </message>
    <message>
        <source>at tasks:</source>
        <translation>bei Aufgaben:</translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation>Aufgaben:</translation>
    </message>
    <message>
        <source>Second sweep: the number of tasks, from – to, step</source>
        <translation>Zweite Reihe: Anzahl der Aufgaben, von – bis, Schritt</translation>
    </message>
    <message>
        <source>at servers:</source>
        <translation>bei Servern:</translation>
    </message>
    <message>
        <source>step </source>
        <translation>Schritt </translation>
    </message>
    <message>
        <source>Seeds:</source>
        <translation>Seeds:</translation>
    </message>
    <message>
        <source>One or more seeds, e.g. 1,2,3; the plots show the mean</source>
        <translation>Ein oder mehrere Seeds, z. B. 1,2,3; die Diagramme zeigen den Mittelwert</translation>
    </message>
    <message>
        <source>Layer profiles:</source>
        <translation>Schichtprofile:</translation>
    </message>
    <message>
        <source>Measured (saved, built in)</source>
        <translation>Gemessen (gespeichert, eingebaut)</translation>
    </message>
    <message>
        <source>From file…</source>
        <translation>Aus Datei…</translation>
    </message>
    <message>
        <source>Per-layer compute and output sizes of real LibTorch models: the measurement saved in tests/data/placement_profiles.json, or a file from edgewise-cli plan placement --save-profiles</source>
        <translation>Rechenzeit und Ausgabegröße je Schicht echter LibTorch-Modelle: die in tests/data/placement_profiles.json gespeicherte Messung oder eine Datei von edgewise-cli plan placement --save-profiles</translation>
    </message>
    <message>
        <source>&amp;Run simulation</source>
        <translation>Simulation &amp;starten</translation>
    </message>
    <message>
        <source>The paper&apos;s set-up: inputs 100 kB–1 MB, 5–10 layers, links 10 Mb/s–1 Gb/s, latency bound 0.2 s</source>
        <translation>Der Aufbau des Artikels: Eingaben 100 kB–1 MB, 5–10 Schichten, Verbindungen 10 Mb/s–1 Gb/s, Latenzgrenze 0,2 s</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>tasks deployed at the edge</source>
        <translation>am Edge platzierte Aufgaben</translation>
    </message>
    <message>
        <source>Tasks at the edge vs edge servers (%1 tasks)</source>
        <translation>Aufgaben am Edge nach Edge-Servern (%1 Aufgaben)</translation>
    </message>
    <message>
        <source>edge servers</source>
        <translation>Edge-Server</translation>
    </message>
    <message>
        <source>Tasks at the edge vs tasks (%1 edge servers)</source>
        <translation>Aufgaben am Edge nach Aufgaben (%1 Edge-Server)</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Press Run simulation to reproduce the paper&apos;s Figure 3 (Li, Ota, Dong, IEEE Network 2018) on the measured layer profiles.</source>
        <translation>„Simulation starten“ reproduziert Abbildung 3 des Artikels (Li, Ota, Dong, IEEE Network 2018) mit den gemessenen Schichtprofilen.</translation>
    </message>
    <message>
        <source>Layer profiles</source>
        <translation>Schichtprofile</translation>
    </message>
    <message>
        <source>Layer profiles (*.json);;All files (*)</source>
        <translation>Schichtprofile (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Enter at least one seed (whole numbers, separated by commas).</source>
        <translation>Mindestens einen Seed eingeben (ganze Zahlen, durch Kommas getrennt).</translation>
    </message>
    <message>
        <source>Each sweep needs a start no greater than its end.</source>
        <translation>Bei jeder Reihe darf der Anfang nicht größer als das Ende sein.</translation>
    </message>
    <message>
        <source>Cannot read the layer profiles: %1</source>
        <translation>Die Schichtprofile können nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Placement simulation (%n run(s))</source>
        <translation>
            <numerusform>Platzierungssimulation (%n Lauf)</numerusform>
            <numerusform>Platzierungssimulation (%n Läufe)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n simulation run(s)</source>
        <translation>
            <numerusform>%n Simulationslauf</numerusform>
            <numerusform>%n Simulationsläufe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1. At %2 tasks on %3 edge servers the offline algorithm deploys %4 at the edge, FIFO %5.</source>
        <translation>%1. Bei %2 Aufgaben auf %3 Edge-Servern platziert der Offline-Algorithmus %4 am Edge, FIFO %5.</translation>
    </message>
    <message>
        <source>Simulation cancelled.</source>
        <translation>Simulation abgebrochen.</translation>
    </message>
    <message>
        <source>Simulation failed: %1</source>
        <translation>Simulation fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation>Simuliere…</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Edge servers</source>
        <translation>Edge-Server</translation>
    </message>
    <message>
        <source>Deployable</source>
        <translation>Platzierbar</translation>
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
    <name>edgewise::gui::RecordingPoolDialog</name>
    <message>
        <source>Label windows of recordings</source>
        <translation>Fenster von Aufnahmen labeln</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Datenstrom</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>(no time-series stream)</source>
        <translation>(kein Zeitreihen-Datenstrom)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>raw window</source>
        <translation>Rohfenster</translation>
    </message>
    <message>
        <source>The feature block of the Training pane that turns a window into the model&apos;s input</source>
        <translation>Der Merkmalsblock des Trainingsbereichs, der ein Fenster in die Eingabe des Modells umwandelt</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Fenster:</translation>
    </message>
    <message>
        <source>Stride:</source>
        <translation>Schrittweite:</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>Merkmale:</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>Klassen:</translation>
    </message>
    <message>
        <source>Each chosen stream is cut into windows; the queue asks for the windows the model needs and stores each label as a segment of its recording.</source>
        <translation>Jeder gewählte Datenstrom wird in Fenster geteilt; die Warteschlange fragt nach den Fenstern, die das Modell braucht, und speichert jedes Label als Segment seiner Aufnahme.</translation>
    </message>
    <message>
        <source>The project has no recordings: record some in the Capture pane first.</source>
        <translation>Das Projekt hat keine Aufnahmen: Nehmen Sie zuerst im Erfassungsbereich welche auf.</translation>
    </message>
    <message>
        <source>Tick the recordings whose windows you want to label.</source>
        <translation>Haken Sie die Aufnahmen an, deren Fenster Sie labeln wollen.</translation>
    </message>
    <message>
        <source>No classes to label with: add at least two classes to the project&apos;s label schema (Timeline tab, class field) first.</source>
        <translation>Keine Klassen zum Labeln: Fügen Sie zuerst mindestens zwei Klassen zum Label-Schema des Projekts hinzu (Reiter Zeitachse, Klassenfeld).</translation>
    </message>
    <message>
        <source>Tick at least two classes.</source>
        <translation>Haken Sie mindestens zwei Klassen an.</translation>
    </message>
    <message>
        <source>The window (%1 ms) is longer than every chosen recording.</source>
        <translation>Das Fenster (%1 ms) ist länger als jede gewählte Aufnahme.</translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) to label</source>
        <translation>
            <numerusform>%n Fenster zu labeln</numerusform>
            <numerusform>%n Fenster zu labeln</numerusform>
        </translation>
    </message>
    <message>
        <source>(shorter than one window, left out: %1)</source>
        <translation>(kürzer als ein Fenster, ausgelassen: %1)</translation>
    </message>
    <message>
        <source>Window and stride as in dataset %1, features as model %2 was trained with.</source>
        <translation>Fenster und Schrittweite wie im Datensatz %1, Merkmale wie beim Training von Modell %2.</translation>
    </message>
    <message>
        <source>Window and stride as in dataset %1.</source>
        <translation>Fenster und Schrittweite wie im Datensatz %1.</translation>
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
    <name>edgewise::gui::RequirementsDialog</name>
    <message>
        <source>Requirements per device class</source>
        <translation>Anforderungen je Geräteklasse</translation>
    </message>
    <message>
        <source>The plan gives each device the best variant that meets its class&apos;s limits. Empty cells mean no limit; class * applies to every class without a row of its own.</source>
        <translation>Der Plan gibt jedem Gerät die beste Variante, die die Grenzen seiner Klasse einhält. Leere Zellen bedeuten keine Grenze; Klasse * gilt für jede Klasse ohne eigene Zeile.</translation>
    </message>
    <message>
        <source>Device class</source>
        <translation>Geräteklasse</translation>
    </message>
    <message>
        <source>Min accuracy (0–1)</source>
        <translation>Min. Genauigkeit (0–1)</translation>
    </message>
    <message>
        <source>Max latency ms</source>
        <translation>Max. Latenz ms</translation>
    </message>
    <message>
        <source>Max RAM kB</source>
        <translation>Max. RAM kB</translation>
    </message>
    <message>
        <source>Max flash kB</source>
        <translation>Max. Flash kB</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>&amp;Add class</source>
        <translation>Klasse &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>best effort</source>
        <translation>bestmöglich</translation>
    </message>
    <message>
        <source>low latency</source>
        <translation>niedrige Latenz</translation>
    </message>
    <message>
        <source>Row %1: a device class is needed (* for every class).</source>
        <translation>Zeile %1: eine Geräteklasse ist nötig (* für jede Klasse).</translation>
    </message>
    <message>
        <source>Row %1: numbers only in the limit columns.</source>
        <translation>Zeile %1: in den Grenzspalten nur Zahlen.</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ReviewView</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <source>annotator %1</source>
        <translation>Annotator %1</translation>
    </message>
    <message numerus="yes">
        <source>Cohen&apos;s kappa %1: observed %2, expected %3 over %n frame(s)</source>
        <translation>
            <numerusform>Cohens Kappa %1: beobachtet %2, erwartet %3 über %n Frame</numerusform>
            <numerusform>Cohens Kappa %1: beobachtet %2, erwartet %3 über %n Frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fleiss&apos; kappa (all annotators): %1 over %n frame(s)</source>
        <translation>
            <numerusform>Fleiss&apos; Kappa (alle Annotatoren): %1 über %n Frame</numerusform>
            <numerusform>Fleiss&apos; Kappa (alle Annotatoren): %1 über %n Frames</numerusform>
        </translation>
    </message>
    <message>
        <source>Agreement needs labels of two or more annotators on this recording.</source>
        <translation>Für die Übereinstimmung braucht diese Aufnahme Labels von zwei oder mehr Annotatoren.</translation>
    </message>
    <message>
        <source>Fleiss&apos; kappa: no frame labeled by every annotator.</source>
        <translation>Fleiss&apos; Kappa: kein Frame wurde von allen Annotatoren gelabelt.</translation>
    </message>
    <message>
        <source>Start (s)</source>
        <translation>Beginn (s)</translation>
    </message>
    <message>
        <source>End (s)</source>
        <translation>Ende (s)</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>resolved: %1</source>
        <translation>entschieden: %1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>%1: Accept %2&apos;s label</source>
        <translation>%1: Label von %2 übernehmen</translation>
    </message>
    <message>
        <source>Accept %1&apos;s label</source>
        <translation>Label von %1 übernehmen</translation>
    </message>
    <message numerus="yes">
        <source>Disagreements: %n open</source>
        <translation>
            <numerusform>Abweichungen: %n offen</numerusform>
            <numerusform>Abweichungen: %n offen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resolved</source>
        <translation>
            <numerusform>%n entschieden</numerusform>
            <numerusform>%n entschieden</numerusform>
        </translation>
    </message>
    <message>
        <source>The annotators agree everywhere.</source>
        <translation>Die Annotatoren stimmen überall überein.</translation>
    </message>
    <message>
        <source>Up/Down: next disagreement; 1-9: accept that annotator&apos;s label; the adjudicated label is what datasets use.</source>
        <translation>Auf/Ab: nächste Abweichung; 1-9: Label dieses Annotators übernehmen; Datensätze verwenden das entschiedene Label.</translation>
    </message>
    <message>
        <source>Enter your name in the Annotator field to adjudicate.</source>
        <translation>Geben Sie Ihren Namen im Feld Annotator ein, um zu entscheiden.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>%1 left this span unlabeled: use Relabel as… instead.</source>
        <translation>%1 hat diesen Abschnitt nicht gelabelt: verwenden Sie stattdessen „Umlabeln als…“.</translation>
    </message>
    <message>
        <source>Annotators: labels, active time, labels per hour</source>
        <translation>Annotatoren: Labels, aktive Zeit, Labels pro Stunde</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Active time</source>
        <translation>Aktive Zeit</translation>
    </message>
    <message>
        <source>Labels/hour</source>
        <translation>Labels/Stunde</translation>
    </message>
    <message>
        <source>Sum of the gaps between consecutive label edits, each capped at 5 minutes</source>
        <translation>Summe der Abstände zwischen aufeinanderfolgenden Label-Änderungen, jeder höchstens 5 Minuten</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa per annotator pair</source>
        <translation>Cohens Kappa je Annotatorenpaar</translation>
    </message>
    <message>
        <source>Per-class agreement</source>
        <translation>Übereinstimmung je Klasse</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Fleiss&apos; kappa</source>
        <translation>Fleiss&apos; Kappa</translation>
    </message>
    <message>
        <source>Specific agreement</source>
        <translation>Spezifische Übereinstimmung</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Relabel as…</source>
        <translation>Umlabeln als…</translation>
    </message>
    <message>
        <source>Adjudicate the selected span as another class</source>
        <translation>Den gewählten Abschnitt als andere Klasse entscheiden</translation>
    </message>
    <message>
        <source>Select a disagreement to show it on the timeline; keys 1-9 accept that annotator&apos;s label</source>
        <translation>Eine Abweichung wählen, um sie auf der Zeitleiste zu zeigen; Tasten 1-9 übernehmen das Label dieses Annotators</translation>
    </message>
    <message>
        <source>Adjudicate %1-%2 s as %3</source>
        <translation>%1-%2 s als %3 entscheiden</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::RobustnessView</name>
    <message>
        <source>Attack:</source>
        <translation>Angriff:</translation>
    </message>
    <message>
        <source>FGSM: one gradient step; PGD: iterated steps projected onto the ε-ball (the stronger test); DeepFool and Carlini-Wagner: the smallest perturbation that flips each row</source>
        <translation>FGSM: ein Gradientenschritt; PGD: wiederholte Schritte, auf die ε-Kugel projiziert (der stärkere Test); DeepFool und Carlini-Wagner: die kleinste Störung, die jede Zeile umkippt</translation>
    </message>
    <message>
        <source>Norm:</source>
        <translation>Norm:</translation>
    </message>
    <message>
        <source>How the size of a perturbation is measured (Carlini-Wagner is L2 only)</source>
        <translation>Wie die Größe einer Störung gemessen wird (Carlini-Wagner nur L2)</translation>
    </message>
    <message>
        <source>ε:</source>
        <translation>ε:</translation>
    </message>
    <message>
        <source>Comma-separated perturbation budgets, 0 included for the clean point</source>
        <translation>Kommagetrennte Störungsbudgets, 0 für den sauberen Punkt eingeschlossen</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Einheit:</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>model input</source>
        <translation>Modelleingabe</translation>
    </message>
    <message>
        <source>std per channel</source>
        <translation>Std.-Abw. je Kanal</translation>
    </message>
    <message>
        <source>Model input: ε in the model&apos;s input units (images: pixels / 255). Std per channel: ε in standard deviations of each sensor channel (mixed units such as IMU). Auto picks model input for images.</source>
        <translation>Modelleingabe: ε in den Eingabeeinheiten des Modells (Bilder: Pixel / 255). Std.-Abw. je Kanal: ε in Standardabweichungen jedes Sensorkanals (gemischte Einheiten wie bei IMU). Automatisch wählt für Bilder die Modelleingabe.</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <source>PGD iterations; DeepFool / Carlini-Wagner: maximum iterations</source>
        <translation>PGD-Iterationen; DeepFool / Carlini-Wagner: maximale Iterationen</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Evenly spaced test rows to attack (all: the whole test split)</source>
        <translation>Gleichmäßig verteilte Testzeilen für den Angriff (alle: der gesamte Testanteil)</translation>
    </message>
    <message>
        <source>Fault curves</source>
        <translation>Fehlerkurven</translation>
    </message>
    <message>
        <source>Accuracy under sensor noise, channel dropout, stuck-at values, clock skew, jitter and packet loss</source>
        <translation>Genauigkeit bei Sensorrauschen, Kanalausfall, hängenden Werten, Taktabweichung, Jitter und Paketverlust</translation>
    </message>
    <message>
        <source>Label-flip poisoning</source>
        <translation>Vergiftung durch Label-Vertauschung</translation>
    </message>
    <message>
        <source>Retrains the model with 1-30% of its training labels flipped (slow: one training per fraction)</source>
        <translation>Trainiert das Modell mit 1-30 % vertauschten Trainingslabels neu (langsam: ein Training je Anteil)</translation>
    </message>
    <message>
        <source>Run audit</source>
        <translation>Prüfung starten</translation>
    </message>
    <message>
        <source>Attack the model at every ε (Ctrl+Return)</source>
        <translation>Das Modell bei jedem ε angreifen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Sanity check</source>
        <translation>Plausibilitätsprüfung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Adversarial examples</source>
        <translation>Adversariale Beispiele</translation>
    </message>
    <message>
        <source>Robust accuracy against ε</source>
        <translation>Robuste Genauigkeit über ε</translation>
    </message>
    <message>
        <source>Accuracy under IoT faults</source>
        <translation>Genauigkeit bei IoT-Fehlern</translation>
    </message>
    <message>
        <source>Pick a model to audit: train one in the Training pane first.</source>
        <translation>Ein Modell für die Prüfung auswählen: zuerst eines im Bereich Training trainieren.</translation>
    </message>
    <message>
        <source>ε: %1</source>
        <translation>ε: %1</translation>
    </message>
    <message>
        <source>Robustness of %1 (%2)</source>
        <translation>Robustheit von %1 (%2)</translation>
    </message>
    <message>
        <source>Clean accuracy %1%</source>
        <translation>Saubere Genauigkeit %1%</translation>
    </message>
    <message>
        <source>, %1% at ε = %2</source>
        <translation>, %1% bei ε = %2</translation>
    </message>
    <message>
        <source>Robustness audit cancelled.</source>
        <translation>Robustheitsprüfung abgebrochen.</translation>
    </message>
    <message>
        <source>Robustness audit failed: %1</source>
        <translation>Robustheitsprüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>✓ passed</source>
        <translation>✓ bestanden</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ fehlgeschlagen</translation>
    </message>
    <message>
        <source>⚠ Gradient masking suspected: the robust accuracy below is probably an overestimate.</source>
        <translation>⚠ Verdacht auf Gradientenmaskierung: Die robuste Genauigkeit unten ist wahrscheinlich überschätzt.</translation>
    </message>
    <message>
        <source>⚠ Sanity checks failed.</source>
        <translation>⚠ Plausibilitätsprüfungen fehlgeschlagen.</translation>
    </message>
    <message>
        <source>No adversarial examples: this attack kept none.</source>
        <translation>Keine adversarialen Beispiele: Dieser Angriff hat keine behalten.</translation>
    </message>
    <message>
        <source>Run an audit to see adversarial examples.</source>
        <translation>Eine Prüfung starten, um adversariale Beispiele zu sehen.</translation>
    </message>
    <message>
        <source>%1 → %2 at ε = %3</source>
        <translation>%1 → %2 bei ε = %3</translation>
    </message>
    <message>
        <source>True class %1; the model said %2 on the clean input and %3 on the perturbed one</source>
        <translation>Wahre Klasse %1; das Modell sagte %2 bei der sauberen und %3 bei der gestörten Eingabe</translation>
    </message>
    <message>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>perturbed</source>
        <translation>gestört</translation>
    </message>
    <message>
        <source>perturbation</source>
        <translation>Störung</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::SearchDialog</name>
    <message>
        <source>Search Hyper-parameters</source>
        <translation>Hyperparameter suchen</translation>
    </message>
    <message>
        <source>Random search</source>
        <translation>Zufallssuche</translation>
    </message>
    <message>
        <source>Successive halving</source>
        <translation>Successive Halving</translation>
    </message>
    <message>
        <source>Every trial trains on the whole training split</source>
        <translation>Jeder Versuch trainiert auf dem ganzen Trainingsanteil</translation>
    </message>
    <message>
        <source>Many configurations on a small share of the data; the best third goes on with three times as much, up to the whole split</source>
        <translation>Viele Konfigurationen auf einem kleinen Teil der Daten; das beste Drittel macht mit dreimal so viel weiter, bis zum ganzen Anteil</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>No trial starts after this; the best model is then trained once more on the whole training split</source>
        <translation>Danach beginnt kein Versuch mehr; das beste Modell wird dann noch einmal auf dem ganzen Trainingsanteil trainiert</translation>
    </message>
    <message>
        <source>Random search: trials; successive halving: configurations at the first rung</source>
        <translation>Zufallssuche: Versuche; Successive Halving: Konfigurationen auf der ersten Stufe</translation>
    </message>
    <message>
        <source>Searches the default space of %1, scored by validation accuracy. The best configuration is registered as a model.</source>
        <translation>Durchsucht den Standardraum von %1, bewertet nach Validierungsgenauigkeit. Die beste Konfiguration wird als Modell registriert.</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <source>Time &amp;budget:</source>
        <translation>Zeit&amp;budget:</translation>
    </message>
    <message>
        <source>&amp;Trials at most:</source>
        <translation>Höchstens &amp;Versuche:</translation>
    </message>
    <message>
        <source>Start Search</source>
        <translation>Suche starten</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::SearchTrialsView</name>
    <message>
        <source>Trial</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>Searched parameters</source>
        <translation>Gesuchte Parameter</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>Validierungsgenauigkeit</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>The share of the training split the trial trained on (or its epochs); successive halving gives the best trials more</source>
        <translation>Der Anteil des Trainingsanteils, auf dem der Versuch trainierte (oder seine Epochen); Successive Halving gibt den besten Versuchen mehr</translation>
    </message>
    <message>
        <source>trial</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>Validierungsgenauigkeit</translation>
    </message>
    <message>
        <source>No search has run yet. Press Search... to start one.</source>
        <translation>Noch keine Suche gelaufen. Mit Suchen... starten Sie eine.</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 epochs</source>
        <translation>%1 Epochen</translation>
    </message>
    <message>
        <source>rung %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>The best trial: its parameters trained the registered model</source>
        <translation>Der beste Versuch: mit seinen Parametern wurde das registrierte Modell trainiert</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::StoreLabelModel</name>
    <message>
        <source>Enter your name in the Annotator field to label.</source>
        <translation>Geben Sie Ihren Namen im Feld „Annotator“ ein, um zu beschriften.</translation>
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
    <name>edgewise::gui::TimelineWidget</name>
    <message>
        <source>Create label</source>
        <translation>Label anlegen</translation>
    </message>
    <message>
        <source>Delete label</source>
        <translation>Label löschen</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s) in the timestamps (longest %1 s)</source>
        <translation>
            <numerusform>%n Lücke in den Zeitstempeln (längste %1 s)</numerusform>
            <numerusform>%n Lücken in den Zeitstempeln (längste %1 s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate timestamp(s)</source>
        <translation>
            <numerusform>%n doppelter Zeitstempel</numerusform>
            <numerusform>%n doppelte Zeitstempel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) back in time (shown sorted)</source>
        <translation>
            <numerusform>%n Rücksprung in der Zeit (sortiert angezeigt)</numerusform>
            <numerusform>%n Rücksprünge in der Zeit (sortiert angezeigt)</numerusform>
        </translation>
    </message>
    <message>
        <source>Timestamps: %1</source>
        <translation>Zeitstempel: %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <source>Relabel</source>
        <translation>Neu beschriften</translation>
    </message>
    <message numerus="yes">
        <source>Relabel %n label(s)</source>
        <translation>
            <numerusform>%n Label neu beschriften</numerusform>
            <numerusform>%n Labels neu beschriften</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n label(s)</source>
        <translation>
            <numerusform>%n Label löschen</numerusform>
            <numerusform>%n Labels löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Resize label</source>
        <translation>Labelgröße ändern</translation>
    </message>
    <message>
        <source>Frequency (Hz)</source>
        <translation>Frequenz (Hz)</translation>
    </message>
    <message>
        <source>dB</source>
        <translation>dB</translation>
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
<context>
    <name>edgewise::gui::TrainingPane</name>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Import...</source>
        <translation>Importieren...</translation>
    </message>
    <message>
        <source>Import a dataset into the project (Ctrl+I)</source>
        <translation>Einen Datensatz in das Projekt importieren (Strg+I)</translation>
    </message>
    <message>
        <source>The dataset to train on; it is split 70/15/15 into train, validation and test (stratified, by the seed)</source>
        <translation>Der Datensatz zum Trainieren; er wird 70/15/15 in Training, Validierung und Test geteilt (stratifiziert, nach dem Seed)</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <source>Block:</source>
        <translation>Block:</translation>
    </message>
    <message>
        <source>The feature block that turns each sample into the model&apos;s input</source>
        <translation>Der Merkmalsblock, der jedes Beispiel in die Eingabe des Modells umwandelt</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Family:</source>
        <translation>Familie:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Passes over the training split</source>
        <translation>Durchläufe über den Trainingsanteil</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Seeds the split and the model: the same seed trains the same model</source>
        <translation>Startwert für Aufteilung und Modell: derselbe Seed trainiert dasselbe Modell</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>&lt;family&gt; on &lt;dataset&gt;</source>
        <translation>&lt;Familie&gt; auf &lt;Datensatz&gt;</translation>
    </message>
    <message>
        <source>Advanced hyper-parameters</source>
        <translation>Weitere Hyperparameter</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Train a model with this setup and add it to the project (Ctrl+Return)</source>
        <translation>Ein Modell mit dieser Einstellung trainieren und dem Projekt hinzufügen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>Trainingskurven</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>Trainingsgenauigkeit</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>Validierungsgenauigkeit</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>No models yet. Pick a dataset and a model family, then press Train (Ctrl+Return).</source>
        <translation>Noch keine Modelle. Wählen Sie einen Datensatz und eine Modellfamilie und drücken Sie dann Trainieren (Strg+Eingabe).</translation>
    </message>
    <message>
        <source>Selected model</source>
        <translation>Ausgewähltes Modell</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Select a model above to see its confusion matrix.</source>
        <translation>Wählen Sie oben ein Modell, um seine Konfusionsmatrix zu sehen.</translation>
    </message>
    <message>
        <source>Click a cell of the confusion matrix to see its samples.</source>
        <translation>Klicken Sie auf eine Zelle der Konfusionsmatrix, um ihre Beispiele zu sehen.</translation>
    </message>
    <message>
        <source>images %1 x %2 x %3</source>
        <translation>Bilder %1 x %2 x %3</translation>
    </message>
    <message>
        <source>audio at %1 Hz</source>
        <translation>Audio mit %1 Hz</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) per row</source>
        <translation>
            <numerusform>%n Merkmal je Zeile</numerusform>
            <numerusform>%n Merkmale je Zeile</numerusform>
        </translation>
    </message>
    <message>
        <source>time series</source>
        <translation>Zeitreihen</translation>
    </message>
    <message>
        <source>%1 samples, %2 classes; %3</source>
        <translation>%1 Beispiele, %2 Klassen; %3</translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>Importiert aus %1</translation>
    </message>
    <message>
        <source>default for this data</source>
        <translation>Standard für diese Daten</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>No sample to preview</source>
        <translation>Kein Beispiel für die Vorschau</translation>
    </message>
    <message>
        <source>This sample is empty</source>
        <translation>Dieses Beispiel ist leer</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <source>features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>No project is open. Create or open one with File &gt; New Project... or File &gt; Open Project...</source>
        <translation>Kein Projekt geöffnet. Legen Sie eines an oder öffnen Sie eines mit Datei &gt; Neues Projekt... oder Datei &gt; Projekt öffnen...</translation>
    </message>
    <message>
        <source>This project has no datasets yet. Import one with File &gt; Import Dataset... (Ctrl+I), e.g. OpenCV&apos;s digits.png.</source>
        <translation>Dieses Projekt hat noch keine Datensätze. Importieren Sie einen mit Datei &gt; Datensatz importieren... (Strg+I), z. B. digits.png aus OpenCV.</translation>
    </message>
    <message>
        <source>A training run is already going.</source>
        <translation>Ein Training läuft bereits.</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>Zuerst ein Projekt öffnen oder anlegen.</translation>
    </message>
    <message>
        <source>Import a dataset first (File &gt; Import Dataset...).</source>
        <translation>Zuerst einen Datensatz importieren (Datei &gt; Datensatz importieren...).</translation>
    </message>
    <message>
        <source>Train %1 on %2</source>
        <translation>%1 auf %2 trainieren</translation>
    </message>
    <message>
        <source>Trained %1: test accuracy %2%, macro-F1 %3</source>
        <translation>%1 trainiert: Testgenauigkeit %2 %, Makro-F1 %3</translation>
    </message>
    <message>
        <source>Training cancelled; nothing was stored.</source>
        <translation>Training abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation>Starte...</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Breche ab...</translation>
    </message>
    <message>
        <source>%1: test accuracy %2%, macro-F1 %3, %4 test samples</source>
        <translation>%1: Testgenauigkeit %2 %, Makro-F1 %3, %4 Testbeispiele</translation>
    </message>
    <message>
        <source>Evaluate %1</source>
        <translation>%1 auswerten</translation>
    </message>
    <message>
        <source>Test accuracy %1%</source>
        <translation>Testgenauigkeit %1 %</translation>
    </message>
    <message>
        <source>Could not evaluate: %1</source>
        <translation>Auswertung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Evaluating the model on its test split...</source>
        <translation>Werte das Modell auf seinem Testanteil aus...</translation>
    </message>
    <message>
        <source>Sample %1 from %2</source>
        <translation>Beispiel %1 aus %2</translation>
    </message>
    <message>
        <source>(the first %1 shown)</source>
        <translation>(die ersten %1 gezeigt)</translation>
    </message>
    <message>
        <source>Export Model File</source>
        <translation>Modelldatei exportieren</translation>
    </message>
    <message>
        <source>Delete Model</source>
        <translation>Modell löschen</translation>
    </message>
    <message>
        <source>Delete the model &quot;%1&quot; from the project? This cannot be undone.</source>
        <translation>Das Modell „%1“ aus dem Projekt löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Export Model File...</source>
        <translation>Modelldatei exportieren...</translation>
    </message>
    <message>
        <source>Right-click a model to export or delete it</source>
        <translation>Rechtsklick auf ein Modell, um es zu exportieren oder zu löschen</translation>
    </message>
    <message>
        <source>Model deleted.</source>
        <translation>Modell gelöscht.</translation>
    </message>
    <message>
        <source>Model written to %1</source>
        <translation>Modell nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Stop training or the search; nothing is stored (Esc)</source>
        <translation>Training oder Suche abbrechen; nichts wird gespeichert (Esc)</translation>
    </message>
    <message>
        <source>Search trials</source>
        <translation>Suchversuche</translation>
    </message>
    <message>
        <source>Search...</source>
        <translation>Suchen...</translation>
    </message>
    <message>
        <source>Search the family&apos;s hyper-parameters under a time budget and add the best model to the project (Ctrl+Shift+Return)</source>
        <translation>Die Hyperparameter der Familie innerhalb eines Zeitbudgets durchsuchen und das beste Modell dem Projekt hinzufügen (Strg+Umschalt+Eingabe)</translation>
    </message>
    <message numerus="yes">
        <source>Searching %1 on %2 (%3, %4 s, at most %n trial(s))...</source>
        <translation>
            <numerusform>Suche %1 auf %2 (%3, %4 s, höchstens %n Versuch)...</numerusform>
            <numerusform>Suche %1 auf %2 (%3, %4 s, höchstens %n Versuche)...</numerusform>
        </translation>
    </message>
    <message>
        <source>successive halving</source>
        <translation>Successive Halving</translation>
    </message>
    <message>
        <source>random search</source>
        <translation>Zufallssuche</translation>
    </message>
    <message>
        <source>Search %1 on %2</source>
        <translation>%1 auf %2 suchen</translation>
    </message>
    <message numerus="yes">
        <source>Searched %n trial(s) in %1 s; best validation accuracy %2, test accuracy %3% (%4)</source>
        <translation>
            <numerusform>%n Versuch in %1 s durchsucht; beste Validierungsgenauigkeit %2, Testgenauigkeit %3% (%4)</numerusform>
            <numerusform>%n Versuche in %1 s durchsucht; beste Validierungsgenauigkeit %2, Testgenauigkeit %3% (%4)</numerusform>
        </translation>
    </message>
    <message>
        <source>Search cancelled; nothing was stored.</source>
        <translation>Suche abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Suche fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The time budget ended the search.</source>
        <translation>Das Zeitbudget hat die Suche beendet.</translation>
    </message>
    <message numerus="yes">
        <source>%n test samples of class %1 classified correctly</source>
        <translation>
            <numerusform>%n Testbeispiel der Klasse %1 richtig klassifiziert</numerusform>
            <numerusform>%n Testbeispiele der Klasse %1 richtig klassifiziert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n test samples of class %1 predicted as %2</source>
        <translation>
            <numerusform>%n Testbeispiel der Klasse %1 als %2 vorhergesagt</numerusform>
            <numerusform>%n Testbeispiele der Klasse %1 als %2 vorhergesagt</numerusform>
        </translation>
    </message>
    <message>
        <source>; labels from the Labeling pane: %1 by annotators, %2 adjudicated, %3 samples left out (unresolved disagreement or unknown class)</source>
        <translation>; Labels aus dem Beschriftungsbereich: %1 von Annotatoren, %2 entschieden, %3 Samples ausgelassen (ungelöste Abweichung oder unbekannte Klasse)</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::VariantsTableModel</name>
    <message>
        <source>(parent: %1)</source>
        <translation>(Ausgangsmodell: %1)</translation>
    </message>
    <message>
        <source>Model file size divided by the parent&apos;s</source>
        <translation>Größe der Modelldatei geteilt durch die des Ausgangsmodells</translation>
    </message>
    <message>
        <source>Test accuracy minus the parent&apos;s, in percentage points</source>
        <translation>Testgenauigkeit minus die des Ausgangsmodells, in Prozentpunkten</translation>
    </message>
    <message>
        <source>Single-sample p50 latency divided by the parent&apos;s (above 1: slower)</source>
        <translation>p50-Latenz für ein einzelnes Beispiel geteilt durch die des Ausgangsmodells (über 1: langsamer)</translation>
    </message>
    <message>
        <source>Estimate for the C99 export on a microcontroller</source>
        <translation>Schätzung für den C99-Export auf einem Mikrocontroller</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Method / recipe</source>
        <translation>Methode / Rezept</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Size ratio</source>
        <translation>Größenverhältnis</translation>
    </message>
    <message>
        <source>Non-zero params</source>
        <translation>Parameter ≠ 0</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Δ points</source>
        <translation>Δ Punkte</translation>
    </message>
    <message>
        <source>Macro-F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <source>p50 µs</source>
        <translation>p50 µs</translation>
    </message>
    <message>
        <source>p99 µs</source>
        <translation>p99 µs</translation>
    </message>
    <message>
        <source>Latency ratio</source>
        <translation>Latenzverhältnis</translation>
    </message>
    <message>
        <source>MCU flash</source>
        <translation>MCU-Flash</translation>
    </message>
    <message>
        <source>MCU RAM</source>
        <translation>MCU-RAM</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
</context>
</TS>
