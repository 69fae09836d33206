<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditPlots</name>
    <message numerus="yes">
        <source>Reference (%n rows)</source>
        <translation>
            <numerusform>Reference (%n row)</numerusform>
            <numerusform>Reference (%n rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Live (%n rows)</source>
        <translation>
            <numerusform>Live (%n row)</numerusform>
            <numerusform>Live (%n rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Live window (%n rows each)</source>
        <translation>
            <numerusform>Live window (%n row each)</numerusform>
            <numerusform>Live window (%n rows each)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drift over time: %1 of %n windows raised an alarm</source>
        <translation>
            <numerusform>Drift over time: %1 of %n window raised an alarm</numerusform>
            <numerusform>Drift over time: %1 of %n windows raised an alarm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs; %1 slower than %2 µs not shown</source>
        <translation>
            <numerusform>%n run; %1 slower than %2 µs not shown</numerusform>
            <numerusform>%n runs; %1 slower than %2 µs not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fleet latency per heartbeat: %n regression(s)</source>
        <translation>
            <numerusform>Fleet latency per heartbeat: %n regression</numerusform>
            <numerusform>Fleet latency per heartbeat: %n regressions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: latency per heartbeat, %n regression(s)</source>
        <translation>
            <numerusform>%1: latency per heartbeat, %n regression</numerusform>
            <numerusform>%1: latency per heartbeat, %n regressions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: p50 of %n heartbeat(s)</source>
        <translation>
            <numerusform>%1: p50 of %n heartbeat</numerusform>
            <numerusform>%1: p50 of %n heartbeats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditReport</name>
    <message numerus="yes">
        <source>%1 of %n features drifted</source>
        <translation>
            <numerusform>%1 of %n feature drifted</numerusform>
            <numerusform>%1 of %n features drifted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>p50 %1 µs, p99 %2 µs over %n runs</source>
        <translation>
            <numerusform>p50 %1 µs, p99 %2 µs over %n run</numerusform>
            <numerusform>p50 %1 µs, p99 %2 µs over %n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs, mean %1 µs</source>
        <translation>
            <numerusform>%n run, mean %1 µs</numerusform>
            <numerusform>%n runs, mean %1 µs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Each device&apos;s predictions in windows of %n, per predicted class against the training rows of that class: KS with Benjamini-Hochberg at α = %1.</source>
        <translation>
            <numerusform>Each device&apos;s predictions in windows of %n, per predicted class against the training rows of that class: KS with Benjamini-Hochberg at α = %1.</numerusform>
            <numerusform>Each device&apos;s predictions in windows of %n, per predicted class against the training rows of that class: KS with Benjamini-Hochberg at α = %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ActiveQueueView</name>
    <message numerus="yes">
        <source>No suggestion yet: assign a class with 1-9 (the model trains after %n label(s))</source>
        <translation>
            <numerusform>No suggestion yet: assign a class with 1-9 (the model trains after %n label)</numerusform>
            <numerusform>No suggestion yet: assign a class with 1-9 (the model trains after %n labels)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Active learning: retrain on %n label(s)</source>
        <translation>
            <numerusform>Active learning: retrain on %n label</numerusform>
            <numerusform>Active learning: retrain on %n labels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Active learning: windowing %n recording(s)</source>
        <translation>
            <numerusform>Active learning: windowing %n recording</numerusform>
            <numerusform>Active learning: windowing %n recordings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::AuditPane</name>
    <message numerus="yes">
        <source>Report written: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; and %n image(s)</source>
        <translation>
            <numerusform>Report written: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; and %n image</numerusform>
            <numerusform>Report written: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; and %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ConfusionMatrixWidget</name>
    <message numerus="yes">
        <source>True %1, predicted %2: %n sample(s). Click to list them.</source>
        <translation>
            <numerusform>True %1, predicted %2: %n sample. Click to list it.</numerusform>
            <numerusform>True %1, predicted %2: %n samples. Click to list them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::DeployDialog</name>
    <message numerus="yes">
        <source>%n device(s) get a model</source>
        <translation>
            <numerusform>%n device get a model</numerusform>
            <numerusform>%n devices get a model</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rollout of %1 to %n device(s)</source>
        <translation>
            <numerusform>Rollout of %1 to %n device</numerusform>
            <numerusform>Rollout of %1 to %n devices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::DriftView</name>
    <message numerus="yes">
        <source>%1 of %n features drifted</source>
        <translation>
            <numerusform>%1 of %n feature drifted</numerusform>
            <numerusform>%1 of %n features drifted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::FleetPane</name>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n core</numerusform>
            <numerusform>%n cores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Give %n device(s) of deployment %1 their previous model again?</source>
        <translation>
            <numerusform>Give %n device of deployment %1 their previous model again?</numerusform>
            <numerusform>Give %n devices of deployment %1 their previous model again?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags and class of %n device(s)</source>
        <translation>
            <numerusform>Tags and class of %n device</numerusform>
            <numerusform>Tags and class of %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>live: %1 of %n device(s) online</source>
        <translation>
            <numerusform>live: %1 of %n device online</numerusform>
            <numerusform>live: %1 of %n devices online</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::FleetTableModel</name>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged drift alarm(s)</source>
        <translation>
            <numerusform>%n unacknowledged drift alarm</numerusform>
            <numerusform>%n unacknowledged drift alarms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ImageGridView</name>
    <message numerus="yes">
        <source>Label %n sample(s) as %1</source>
        <translation>
            <numerusform>Label %n sample as %1</numerusform>
            <numerusform>Label %n samples as %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ImportDatasetDialog</name>
    <message numerus="yes">
        <source>Writing %n samples</source>
        <translation>
            <numerusform>Writing %n sample</numerusform>
            <numerusform>Writing %n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %n samples</source>
        <translation>
            <numerusform>Imported %1: %n sample</numerusform>
            <numerusform>Imported %1: %n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n rejected</source>
        <translation>
            <numerusform>, %n rejected</numerusform>
            <numerusform>, %n rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channels at %1 Hz</source>
        <translation>
            <numerusform>%n channel at %1 Hz</numerusform>
            <numerusform>%n channels at %1 Hz</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading %n recordings</source>
        <translation>
            <numerusform>Reading %n recording</numerusform>
            <numerusform>Reading %n recordings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::LabelingPane</name>
    <message numerus="yes">
        <source>%1 / %2 (%n sample(s))</source>
        <translation>
            <numerusform>%1 / %2 (%n sample)</numerusform>
            <numerusform>%1 / %2 (%n samples)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s), %1 selected; annotator: %2</source>
        <translation>
            <numerusform>%n label, %1 selected; annotator: %2</numerusform>
            <numerusform>%n labels, %1 selected; annotator: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::LatencyView</name>
    <message numerus="yes">
        <source>p50 %1 µs, p99 %2 µs over %n runs</source>
        <translation>
            <numerusform>p50 %1 µs, p99 %2 µs over %n run</numerusform>
            <numerusform>p50 %1 µs, p99 %2 µs over %n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs, mean %1</source>
        <translation>
            <numerusform>%n run, mean %1</numerusform>
            <numerusform>%n runs, mean %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::LiveDriftView</name>
    <message numerus="yes">
        <source>%1: no feature moved in the latest window (%n alarms so far).</source>
        <translation>
            <numerusform>%1: no feature moved in the latest window (%n alarm so far).</numerusform>
            <numerusform>%1: no feature moved in the latest window (%n alarms so far).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drift on %1 in %n windows (%2)</source>
        <translation>
            <numerusform>Drift on %1 in %n window (%2)</numerusform>
            <numerusform>Drift on %1 in %n windows (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::PlacementView</name>
    <message numerus="yes">
        <source>Placement simulation (%n run(s))</source>
        <translation>
            <numerusform>Placement simulation (%n run)</numerusform>
            <numerusform>Placement simulation (%n runs)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n simulation run(s)</source>
        <translation>
            <numerusform>%n simulation run</numerusform>
            <numerusform>%n simulation runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::RecordingPoolDialog</name>
    <message numerus="yes">
        <source>%n window(s) to label</source>
        <translation>
            <numerusform>%n window to label</numerusform>
            <numerusform>%n windows to label</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ReviewView</name>
    <message numerus="yes">
        <source>Cohen&apos;s kappa %1: observed %2, expected %3 over %n frame(s)</source>
        <translation>
            <numerusform>Cohen&apos;s kappa %1: observed %2, expected %3 over %n frame</numerusform>
            <numerusform>Cohen&apos;s kappa %1: observed %2, expected %3 over %n frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fleiss&apos; kappa (all annotators): %1 over %n frame(s)</source>
        <translation>
            <numerusform>Fleiss&apos; kappa (all annotators): %1 over %n frame</numerusform>
            <numerusform>Fleiss&apos; kappa (all annotators): %1 over %n frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disagreements: %n open</source>
        <translation>
            <numerusform>Disagreements: %n open</numerusform>
            <numerusform>Disagreements: %n open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resolved</source>
        <translation>
            <numerusform>%n resolved</numerusform>
            <numerusform>%n resolved</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::TimelineWidget</name>
    <message numerus="yes">
        <source>%n gap(s) in the timestamps (longest %1 s)</source>
        <translation>
            <numerusform>%n gap in the timestamps (longest %1 s)</numerusform>
            <numerusform>%n gaps in the timestamps (longest %1 s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate timestamp(s)</source>
        <translation>
            <numerusform>%n duplicate timestamp</numerusform>
            <numerusform>%n duplicate timestamps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) back in time (shown sorted)</source>
        <translation>
            <numerusform>%n step back in time (shown sorted)</numerusform>
            <numerusform>%n steps back in time (shown sorted)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Relabel %n label(s)</source>
        <translation>
            <numerusform>Relabel %n label</numerusform>
            <numerusform>Relabel %n labels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n label(s)</source>
        <translation>
            <numerusform>Delete %n label</numerusform>
            <numerusform>Delete %n labels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgewise::gui::TrainingPane</name>
    <message numerus="yes">
        <source>%n feature(s) per row</source>
        <translation>
            <numerusform>%n feature per row</numerusform>
            <numerusform>%n features per row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Searching %1 on %2 (%3, %4 s, at most %n trial(s))...</source>
        <translation>
            <numerusform>Searching %1 on %2 (%3, %4 s, at most %n trial)...</numerusform>
            <numerusform>Searching %1 on %2 (%3, %4 s, at most %n trials)...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Searched %n trial(s) in %1 s; best validation accuracy %2, test accuracy %3% (%4)</source>
        <translation>
            <numerusform>Searched %n trial in %1 s; best validation accuracy %2, test accuracy %3% (%4)</numerusform>
            <numerusform>Searched %n trials in %1 s; best validation accuracy %2, test accuracy %3% (%4)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n test samples of class %1 classified correctly</source>
        <translation>
            <numerusform>%n test sample of class %1 classified correctly</numerusform>
            <numerusform>%n test samples of class %1 classified correctly</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n test samples of class %1 predicted as %2</source>
        <translation>
            <numerusform>%n test sample of class %1 predicted as %2</numerusform>
            <numerusform>%n test samples of class %1 predicted as %2</numerusform>
        </translation>
    </message>
</context>
</TS>
