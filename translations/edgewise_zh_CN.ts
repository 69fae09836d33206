<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditPlots</name>
    <message>
        <source>Pick a feature in the table</source>
        <translation>在表格中选择一个特征</translation>
    </message>
    <message numerus="yes">
        <source>Reference (%n rows)</source>
        <translation>
            <numerusform>参考（%n 行）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Live (%n rows)</source>
        <translation>
            <numerusform>实时（%n 行）</numerusform>
        </translation>
    </message>
    <message>
        <source>Density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>%1: reference vs live (drifted)</source>
        <translation>%1：参考与实时对比（已漂移）</translation>
    </message>
    <message>
        <source>%1: reference vs live</source>
        <translation>%1：参考与实时对比</translation>
    </message>
    <message>
        <source>Window score (all features)</source>
        <translation>窗口得分（全部特征）</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>alarm level (α = %1)</source>
        <translation>告警阈值（α = %1）</translation>
    </message>
    <message numerus="yes">
        <source>Live window (%n rows each)</source>
        <translation>
            <numerusform>实时窗口（每个 %n 行）</numerusform>
        </translation>
    </message>
    <message>
        <source>Drift score −log₁₀(adjusted p)</source>
        <translation>漂移得分 −log₁₀(校正后 p)</translation>
    </message>
    <message numerus="yes">
        <source>Drift over time: %1 of %n windows raised an alarm</source>
        <translation>
            <numerusform>随时间的漂移：%n 个窗口中有 %1 个触发告警</numerusform>
        </translation>
    </message>
    <message>
        <source>clean %1%</source>
        <translation>干净 %1%</translation>
    </message>
    <message>
        <source>ε (standard deviations per channel)</source>
        <translation>ε（每通道标准差）</translation>
    </message>
    <message>
        <source>ε (model input units)</source>
        <translation>ε（模型输入单位）</translation>
    </message>
    <message>
        <source>Robust accuracy (%)</source>
        <translation>鲁棒准确率（%）</translation>
    </message>
    <message>
        <source>No attack run</source>
        <translation>未运行攻击</translation>
    </message>
    <message>
        <source>Robust accuracy against ε</source>
        <translation>鲁棒准确率随 ε 变化</translation>
    </message>
    <message>
        <source>%1 (≤ %2 %3)</source>
        <translation>%1（≤ %2 %3）</translation>
    </message>
    <message>
        <source>Severity (fraction of the largest tested)</source>
        <translation>严重程度（占最大测试值的比例）</translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <source>Accuracy under IoT faults</source>
        <translation>IoT 故障下的准确率</translation>
    </message>
    <message>
        <source>Retrained on flipped labels</source>
        <translation>在翻转标签上重新训练</translation>
    </message>
    <message>
        <source>Label-flip poisoning</source>
        <translation>标签翻转投毒</translation>
    </message>
    <message>
        <source>Label flips: not run (tick “Label-flip poisoning”)</source>
        <translation>标签翻转：未运行（勾选“标签翻转投毒”）</translation>
    </message>
    <message>
        <source>Training labels flipped (%)</source>
        <translation>翻转的训练标签（%）</translation>
    </message>
    <message>
        <source>Clean test accuracy (%)</source>
        <translation>干净测试准确率（%）</translation>
    </message>
    <message>
        <source>No latency measured</source>
        <translation>未测量延迟</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行次数</translation>
    </message>
    <message>
        <source>Single-sample latency (µs)</source>
        <translation>单样本延迟（µs）</translation>
    </message>
    <message numerus="yes">
        <source>%n runs; %1 slower than %2 µs not shown</source>
        <translation>
            <numerusform>%n 次运行；%1 次慢于 %2 µs，未显示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>%n 次运行</numerusform>
        </translation>
    </message>
    <message>
        <source>IoT faults: not run (tick “Fault curves”)</source>
        <translation>IoT 故障：未运行（勾选“故障曲线”）</translation>
    </message>
    <message>
        <source>No heartbeats in the project yet</source>
        <translation>项目中还没有心跳</translation>
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
        <translation>新模型版本</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>性能退化</translation>
    </message>
    <message>
        <source>Time since the first heartbeat (s)</source>
        <translation>自第一个心跳以来的时间 (s)</translation>
    </message>
    <message>
        <source>Inference latency (µs)</source>
        <translation>推理延迟 (µs)</translation>
    </message>
    <message numerus="yes">
        <source>Fleet latency per heartbeat: %n regression(s)</source>
        <translation>
            <numerusform>每个心跳的设备群延迟：%n 处退化</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: latency per heartbeat, %n regression(s)</source>
        <translation>
            <numerusform>%1：每个心跳的延迟，%n 处退化</numerusform>
        </translation>
    </message>
    <message>
        <source>No heartbeats with a running model</source>
        <translation>没有运行模型时的心跳</translation>
    </message>
    <message>
        <source>Heartbeat p50 (µs)</source>
        <translation>心跳 p50 (µs)</translation>
    </message>
    <message>
        <source>Heartbeats</source>
        <translation>心跳</translation>
    </message>
    <message numerus="yes">
        <source>%1: p50 of %n heartbeat(s)</source>
        <translation>
            <numerusform>%1：%n 个心跳的 p50</numerusform>
        </translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>所有设备</translation>
    </message>
    <message>
        <source>Median per window (µs)</source>
        <translation>每个窗口的中位数 (µs)</translation>
    </message>
    <message>
        <source>Path per device: sensor → publish</source>
        <translation>每台设备的路径：传感器 → 发布</translation>
    </message>
</context>
<context>
    <name>AuditReport</name>
    <message>
        <source>Audit report: %1</source>
        <translation>审计报告：%1</translation>
    </message>
    <message>
        <source>Generated %1 by Edgewise %2 on %3 (%4)</source>
        <translation>由 Edgewise %2 于 %1 在 %3（%4）上生成</translation>
    </message>
    <message>
        <source>Model version</source>
        <translation>模型版本</translation>
    </message>
    <message>
        <source>Model id</source>
        <translation>模型 ID</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>模型族</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source> (parent model %1)</source>
        <translation>（父模型 %1）</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <source>Test accuracy (at training)</source>
        <translation>测试准确率（训练时）</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>漂移</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n features drifted</source>
        <translation>
            <numerusform>%n 个特征中有 %1 个漂移</numerusform>
        </translation>
    </message>
    <message>
        <source>clean accuracy %1</source>
        <translation>干净准确率 %1</translation>
    </message>
    <message>
        <source>; %1 at ε = %2: %3</source>
        <translation>；%1 在 ε = %2 时：%3</translation>
    </message>
    <message>
        <source>Robustness</source>
        <translation>鲁棒性</translation>
    </message>
    <message>
        <source>(gradient masking suspected)</source>
        <translation>（疑似梯度掩蔽）</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message numerus="yes">
        <source>p50 %1 µs, p99 %2 µs over %n runs</source>
        <translation>
            <numerusform>p50 %1 µs，p99 %2 µs，共 %n 次运行</numerusform>
        </translation>
    </message>
    <message>
        <source>Data drift</source>
        <translation>数据漂移</translation>
    </message>
    <message>
        <source>Reference %1 (%2 rows) against live %3 (%4 rows). A feature drifted when its two-sample Kolmogorov-Smirnov p-value survives Benjamini-Hochberg at α = %5.</source>
        <translation>参考 %1（%2 行）与实时 %3（%4 行）对比。当某特征的双样本 Kolmogorov-Smirnov p 值在 α = %5 的 Benjamini-Hochberg 校正后仍显著时，判定该特征发生漂移。</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>KS statistic</source>
        <translation>KS 统计量</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>p 值</translation>
    </message>
    <message>
        <source>Adjusted p</source>
        <translation>校正后 p</translation>
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
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Multivariate MMD² %1, permutation p %2: %3</source>
        <translation>多变量 MMD² %1，置换 p %2：%3</translation>
    </message>
    <message>
        <source>drift</source>
        <translation>漂移</translation>
    </message>
    <message>
        <source>no drift</source>
        <translation>无漂移</translation>
    </message>
    <message>
        <source>Drift score timeline</source>
        <translation>漂移得分时间线</translation>
    </message>
    <message>
        <source>Reference vs live histogram</source>
        <translation>参考与实时直方图</translation>
    </message>
    <message>
        <source>No drift analysis was run.</source>
        <translation>未运行漂移分析。</translation>
    </message>
    <message>
        <source>Adversarial robustness and faults</source>
        <translation>对抗鲁棒性与故障</translation>
    </message>
    <message>
        <source>%1 test rows, clean accuracy %2, ε in %3.</source>
        <translation>%1 个测试行，干净准确率 %2，ε 单位为%3。</translation>
    </message>
    <message>
        <source>standard deviations per channel</source>
        <translation>每通道标准差</translation>
    </message>
    <message>
        <source>model input units</source>
        <translation>模型输入单位</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>Robust accuracy against epsilon</source>
        <translation>鲁棒准确率随 epsilon 变化</translation>
    </message>
    <message>
        <source>Sanity check</source>
        <translation>合理性检查</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Accuracy under IoT faults</source>
        <translation>IoT 故障下的准确率</translation>
    </message>
    <message>
        <source>Label-flip poisoning</source>
        <translation>标签翻转投毒</translation>
    </message>
    <message>
        <source>No robustness audit was run.</source>
        <translation>未运行鲁棒性审计。</translation>
    </message>
    <message>
        <source>Latency on this machine</source>
        <translation>本机上的延迟</translation>
    </message>
    <message>
        <source>Init (loading the model file)</source>
        <translation>初始化（加载模型文件）</translation>
    </message>
    <message>
        <source>First inference</source>
        <translation>首次推理</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>预热</translation>
    </message>
    <message numerus="yes">
        <source>%n runs, mean %1 µs</source>
        <translation>
            <numerusform>%n 次运行，平均 %1 µs</numerusform>
        </translation>
    </message>
    <message>
        <source>Timed runs</source>
        <translation>计时运行</translation>
    </message>
    <message>
        <source>%1 in %2 s</source>
        <translation>%2 秒内 %1 次</translation>
    </message>
    <message>
        <source>Mean ± std</source>
        <translation>均值 ± 标准差</translation>
    </message>
    <message>
        <source>Coefficient of variation</source>
        <translation>变异系数</translation>
    </message>
    <message>
        <source>Peak RSS</source>
        <translation>峰值 RSS</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
    <message>
        <source>Latency histogram</source>
        <translation>延迟直方图</translation>
    </message>
    <message>
        <source>No latency benchmark was run.</source>
        <translation>未运行延迟基准测试。</translation>
    </message>
    <message>
        <source>Live drift on the devices</source>
        <translation>设备上的实时漂移</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Windows with an alarm</source>
        <translation>有告警的窗口</translation>
    </message>
    <message>
        <source>Features that moved</source>
        <translation>发生偏移的特征</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>Each device&apos;s predictions in windows of %n, per predicted class against the training rows of that class: KS with Benjamini-Hochberg at α = %1.</source>
        <translation>
            <numerusform>每台设备的预测按 %n 个一组划分窗口，按预测类别与该类别的训练行比较：KS 检验，Benjamini-Hochberg 校正，α = %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Drift score per window of %1</source>
        <translation>%1 每个窗口的漂移得分</translation>
    </message>
    <message>
        <source>The devices were not watched (Drift → Live devices).</source>
        <translation>未监视设备（漂移 → 实时设备）。</translation>
    </message>
    <message>
        <source>Latency on the devices</source>
        <translation>设备上的延迟</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Heartbeats</source>
        <translation>心跳</translation>
    </message>
    <message>
        <source>decode / features / inference / publish (µs)</source>
        <translation>解码 / 特征 / 推理 / 发布 (µs)</translation>
    </message>
    <message>
        <source>No latency regression between model versions.</source>
        <translation>模型版本之间没有延迟退化。</translation>
    </message>
    <message>
        <source>Regression on %1: %2 → %3, p50 %4 → %5 µs (×%6, Mann-Whitney p = %7)</source>
        <translation>%1 上的退化：%2 → %3，p50 %4 → %5 µs（×%6，Mann-Whitney p = %7）</translation>
    </message>
    <message>
        <source>A new version is a regression when the median p50 of its first %1 heartbeats is more than %2 % above that of the previous version&apos;s last %1 and a one-sided Mann-Whitney test gives p &lt; %3.</source>
        <translation>当新版本前 %1 个心跳的 p50 中位数比上一版本最后 %1 个心跳高出 %2 % 以上，且单侧 Mann-Whitney 检验 p &lt; %3 时，判定为退化。</translation>
    </message>
    <message>
        <source>Latency per heartbeat</source>
        <translation>每个心跳的延迟</translation>
    </message>
    <message>
        <source>Stage breakdown</source>
        <translation>各阶段分解</translation>
    </message>
    <message>
        <source>No heartbeats in the project.</source>
        <translation>项目中没有心跳。</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cancelled before it started.</source>
        <translation>在开始前已取消。</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1:%2 min</source>
        <translation>%1:%2 分</translation>
    </message>
    <message>
        <source>%1:%2 h</source>
        <translation>%1:%2 小时</translation>
    </message>
    <message>
        <source>Cancel this job</source>
        <translation>取消此任务</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>No jobs yet.
Long work such as exports, training and deployments appears here with its progress and a cancel button.</source>
        <translation>暂无任务。
导出、训练、部署等耗时工作会显示在这里，并附带进度和取消按钮。</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>清除已结束</translation>
    </message>
    <message>
        <source>%1 running, %2 finished</source>
        <translation>%1 个运行中，%2 个已结束</translation>
    </message>
    <message>
        <source>The recording could not be finished: %1</source>
        <translation>无法完成录制：%1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>采集</translation>
    </message>
    <message>
        <source>This build of the workbench does not include the Capture pane. Use edgewise-cli capture to record from a broker.</source>
        <translation>此版本的工作台不包含采集面板。请使用 edgewise-cli capture 从代理服务器录制。</translation>
    </message>
    <message>
        <source>Connect to an MQTT broker and browse its topics</source>
        <translation>连接 MQTT 代理服务器并浏览其主题</translation>
    </message>
    <message>
        <source>Plot live sensor streams</source>
        <translation>实时绘制传感器数据流</translation>
    </message>
    <message>
        <source>Record streams into the project</source>
        <translation>将数据流录制到项目中</translation>
    </message>
    <message>
        <source>Labeling</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Labeling arrives with the labeling and active-learning capability.</source>
        <translation>标注功能将随标注与主动学习能力一同推出。</translation>
    </message>
    <message>
        <source>Label segments of recordings against a label schema</source>
        <translation>按标签方案标注录制片段</translation>
    </message>
    <message>
        <source>Let active learning pick the most informative windows</source>
        <translation>由主动学习挑选信息量最大的窗口</translation>
    </message>
    <message>
        <source>Measure agreement between annotators</source>
        <translation>衡量标注者之间的一致性</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Training arrives with the model training capability.</source>
        <translation>训练功能将随模型训练能力一同推出。</translation>
    </message>
    <message>
        <source>Train neural networks and classic models on labeled windows</source>
        <translation>在已标注的窗口上训练神经网络和经典模型</translation>
    </message>
    <message>
        <source>Compare runs by their metrics and confusion matrices</source>
        <translation>按指标和混淆矩阵比较各次运行</translation>
    </message>
    <message>
        <source>Keep the lineage from data to model</source>
        <translation>记录从数据到模型的完整谱系</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>压缩</translation>
    </message>
    <message>
        <source>Compression arrives with the model compression capability.</source>
        <translation>压缩功能将随模型压缩能力一同推出。</translation>
    </message>
    <message>
        <source>Prune, quantize and distill trained models</source>
        <translation>对训练好的模型进行剪枝、量化和蒸馏</translation>
    </message>
    <message>
        <source>Trade accuracy against size and latency</source>
        <translation>在精度与体积、延迟之间权衡</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>设备群</translation>
    </message>
    <message>
        <source>Fleet arrives with the device registry and deployment capability.</source>
        <translation>设备群功能将随设备注册与部署能力一同推出。</translation>
    </message>
    <message>
        <source>See every device, its model and its health</source>
        <translation>查看每台设备、其模型及健康状况</translation>
    </message>
    <message>
        <source>Deploy signed models with one click and roll back</source>
        <translation>一键部署已签名的模型，并可回滚</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Audit arrives with the drift, robustness and latency capability.</source>
        <translation>审计功能将随漂移、鲁棒性与延迟分析能力一同推出。</translation>
    </message>
    <message>
        <source>Detect drift in what devices see</source>
        <translation>检测设备所见数据的漂移</translation>
    </message>
    <message>
        <source>Test robustness against adversarial inputs</source>
        <translation>测试模型对对抗性输入的鲁棒性</translation>
    </message>
    <message>
        <source>Follow latency on each device</source>
        <translation>跟踪每台设备上的延迟</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>A workbench for machine learning on IoT devices: capture, label, train, compress, deploy and audit.</source>
        <translation>面向物联网设备的机器学习工作台：采集、标注、训练、压缩、部署与审计。</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>构建所用组件</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>What it will do</source>
        <translation>将提供的功能</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language &quot;%1&quot; is not available in this build.</source>
        <translation>此版本不提供语言“%1”。</translation>
    </message>
    <message>
        <source>Edgewise could not open %1.</source>
        <translation>Edgewise 无法打开 %1。</translation>
    </message>
    <message>
        <source>%1 stays open.</source>
        <translation>%1 保持打开。</translation>
    </message>
    <message>
        <source>Could Not Open Project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Project Not Found</source>
        <translation>找不到项目</translation>
    </message>
    <message>
        <source>%1 no longer exists. It was removed from the list of recent projects.</source>
        <translation>%1 已不存在，已从最近项目列表中移除。</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Edgewise projects (*.%1)</source>
        <translation>Edgewise 项目 (*.%1)</translation>
    </message>
    <message>
        <source>%1 is the project that is open now. Choose another file name.</source>
        <translation>%1 是当前打开的项目。请选择其他文件名。</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>About Edgewise</source>
        <translation>关于 Edgewise</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>The open project file</source>
        <translation>当前打开的项目文件</translation>
    </message>
    <message>
        <source>Broker: not connected</source>
        <translation>代理服务器：未连接</translation>
    </message>
    <message>
        <source>Broker: connecting to %1</source>
        <translation>代理服务器：正在连接 %1</translation>
    </message>
    <message>
        <source>Broker: connected to %1</source>
        <translation>代理服务器：已连接 %1</translation>
    </message>
    <message>
        <source>Broker: reconnecting to %1</source>
        <translation>代理服务器：正在重新连接 %1</translation>
    </message>
    <message>
        <source>Broker: connection to %1 failed</source>
        <translation>代理服务器：连接 %1 失败</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation>新建项目(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>打开项目(&amp;O)...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Reset Layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Edgewise</source>
        <translation>关于 Edgewise(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Import Dataset...</source>
        <translation>导入数据集(&amp;I)...</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ActiveQueueView</name>
    <message>
        <source>Pool:</source>
        <translation>样本池：</translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation>策略：</translation>
    </message>
    <message>
        <source>Which rows the queue asks for: random (baseline), uncertainty (least-confidence, margin, entropy), diversity (kcenter) or both (hybrid)</source>
        <translation>队列请求哪些样本：随机（基线）、不确定性（least-confidence、margin、entropy）、多样性（kcenter）或两者兼顾（hybrid）</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>批量：</translation>
    </message>
    <message>
        <source>Labels per round: the model is retrained after this many</source>
        <translation>每轮标注数：达到该数量后重新训练模型</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>标注数</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Enter or A: accept the suggestion · 1-9: assign a class · N: next item · Ctrl+Z: undo</source>
        <translation>Enter 或 A：接受建议 · 1-9：指定类别 · N：下一项 · Ctrl+Z：撤销</translation>
    </message>
    <message>
        <source>Active learning: preparing %1</source>
        <translation>主动学习：正在准备 %1</translation>
    </message>
    <message>
        <source>Could not prepare the pool: %1</source>
        <translation>无法准备样本池：%1</translation>
    </message>
    <message>
        <source>Preparing the pool…</source>
        <translation>正在准备样本池…</translation>
    </message>
    <message numerus="yes">
        <source>No suggestion yet: assign a class with 1-9 (the model trains after %n label(s))</source>
        <translation>
            <numerusform>尚无建议：用 1-9 指定类别（模型在 %n 个标注后训练）</numerusform>
        </translation>
    </message>
    <message>
        <source>No class of this pool has key %1</source>
        <translation>此样本池没有类别使用按键 %1</translation>
    </message>
    <message>
        <source>Enter your name as annotator first</source>
        <translation>请先输入您的标注者姓名</translation>
    </message>
    <message>
        <source>Accept %1 for sample %2</source>
        <translation>为样本 %2 接受 %1</translation>
    </message>
    <message>
        <source>Label sample %2 as %1</source>
        <translation>将样本 %2 标注为 %1</translation>
    </message>
    <message numerus="yes">
        <source>Active learning: retrain on %n label(s)</source>
        <translation>
            <numerusform>主动学习：用 %n 个标注重新训练</numerusform>
        </translation>
    </message>
    <message>
        <source>Retraining failed: %1</source>
        <translation>重新训练失败：%1</translation>
    </message>
    <message>
        <source>The queue is empty</source>
        <translation>队列为空</translation>
    </message>
    <message>
        <source>Pick a pool and start</source>
        <translation>选择样本池并开始</translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation>样本 %1</translation>
    </message>
    <message>
        <source>Model suggests &lt;b&gt;%1&lt;/b&gt; (%2 %)</source>
        <translation>模型建议 &lt;b&gt;%1&lt;/b&gt;（%2 %）</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>尚无模型</translation>
    </message>
    <message>
        <source>Active learning: pick a pool and a strategy, then Start</source>
        <translation>主动学习：选择样本池和策略，然后点击开始</translation>
    </message>
    <message>
        <source>Open a project to label with active learning</source>
        <translation>打开项目以使用主动学习进行标注</translation>
    </message>
    <message>
        <source>%1 of %2 labeled · model %3</source>
        <translation>已标注 %1 / %2 · 模型 %3</translation>
    </message>
    <message>
        <source> · validation accuracy %1</source>
        <translation> · 验证准确率 %1</translation>
    </message>
    <message>
        <source> · retraining…</source>
        <translation> · 正在重新训练…</translation>
    </message>
    <message>
        <source>The dataset whose samples you label, or Recordings… to label windows of the project&apos;s recordings (stored as label segments)</source>
        <translation>要标注其样本的数据集，或选择“录制…”来标注项目录制中的窗口（保存为标注片段）</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>suggestions right</source>
        <translation>建议正确率</translation>
    </message>
    <message>
        <source>No classes to label with: add at least two classes to the project&apos;s label schema (Timeline tab, class field) first.</source>
        <translation>没有可用于标注的类别：请先在项目的标注方案中添加至少两个类别（时间轴标签页的类别输入框）。</translation>
    </message>
    <message>
        <source>No recording chosen for the pool.</source>
        <translation>未为样本池选择任何录制。</translation>
    </message>
    <message numerus="yes">
        <source>Active learning: windowing %n recording(s)</source>
        <translation>
            <numerusform>主动学习：正在将 %n 个录制切分为窗口</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 @ %2 s</source>
        <translation>%1 @ %2 秒</translation>
    </message>
    <message>
        <source>Recordings…</source>
        <translation>录制…</translation>
    </message>
    <message>
        <source>Recordings: %1</source>
        <translation>录制：%1</translation>
    </message>
    <message>
        <source>Accept %1 for window %2</source>
        <translation>为窗口 %2 接受 %1</translation>
    </message>
    <message>
        <source>Label window %2 as %1</source>
        <translation>将窗口 %2 标注为 %1</translation>
    </message>
    <message>
        <source>s in %1</source>
        <translation>%1 中的秒数</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source> · suggestions right %1</source>
        <translation> · 建议正确率 %1</translation>
    </message>
    <message>
        <source> · left out: %1</source>
        <translation> · 已跳过：%1</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::AuditPane</name>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>The model version the robustness and latency audits and the report are about</source>
        <translation>鲁棒性审计、延迟审计和报告所针对的模型版本</translation>
    </message>
    <message>
        <source>Export report...</source>
        <translation>导出报告...</translation>
    </message>
    <message>
        <source>Write the one-page HTML audit report of this model version with its plots as PNG files (Ctrl+Shift+E)</source>
        <translation>写出此模型版本的单页 HTML 审计报告，图表保存为 PNG 文件（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>漂移</translation>
    </message>
    <message>
        <source>Has the data moved away from what the model was trained on?</source>
        <translation>数据是否已偏离模型训练时的数据？</translation>
    </message>
    <message>
        <source>Robustness</source>
        <translation>鲁棒性</translation>
    </message>
    <message>
        <source>How easily is the model fooled by small perturbations and faults?</source>
        <translation>模型被微小扰动和故障欺骗的难易程度如何？</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>No trained model in this project yet: the drift analysis works on CSV files; robustness and latency need a model from the Training pane.</source>
        <translation>此项目中还没有训练好的模型：漂移分析基于 CSV 文件；鲁棒性和延迟需要来自“训练”面板的模型。</translation>
    </message>
    <message>
        <source>Open or create a project to audit its models. The drift analysis works on CSV files without one.</source>
        <translation>打开或创建项目以审计其模型。漂移分析无需项目即可基于 CSV 文件运行。</translation>
    </message>
    <message>
        <source>Cannot list the models: %1</source>
        <translation>无法列出模型：%1</translation>
    </message>
    <message>
        <source>%1 (id %2, %3)</source>
        <translation>%1（ID %2，%3）</translation>
    </message>
    <message>
        <source>Pick a model first: the report is about one model version.</source>
        <translation>请先选择一个模型：报告针对单个模型版本。</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>无法写出报告：%1</translation>
    </message>
    <message numerus="yes">
        <source>Report written: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; and %n image(s)</source>
        <translation>
            <numerusform>报告已写出：&lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; 及 %n 张图片</numerusform>
        </translation>
    </message>
    <message>
        <source>Export audit report</source>
        <translation>导出审计报告</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <source>How fast does the model answer, on this machine and on the devices?</source>
        <translation>模型在本机和设备上的响应有多快？</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>A reference CSV against a live CSV</source>
        <translation>参考 CSV 对比实时 CSV</translation>
    </message>
    <message>
        <source>Live devices</source>
        <translation>实时设备</translation>
    </message>
    <message>
        <source>The devices&apos; predictions against the picked model&apos;s training features</source>
        <translation>设备的预测与所选模型的训练特征对比</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>设备群</translation>
    </message>
    <message>
        <source>Latency the devices report in their heartbeats</source>
        <translation>设备在心跳中报告的延迟</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::BrokerSettingsDialog</name>
    <message>
        <source>Broker settings</source>
        <translation>代理服务器设置</translation>
    </message>
    <message>
        <source>automatic (edgewise-&lt;random&gt;)</source>
        <translation>自动 (edgewise-&lt;随机&gt;)</translation>
    </message>
    <message>
        <source>Kept for this session only, never saved to disk</source>
        <translation>仅在本次会话中保留，从不保存到磁盘</translation>
    </message>
    <message>
        <source>Clean session</source>
        <translation>清除会话</translation>
    </message>
    <message>
        <source>Off: the broker keeps the subscriptions and queues QoS 1/2 messages while away</source>
        <translation>关闭：离线期间代理服务器保留订阅并缓存 QoS 1/2 消息</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Reconnect automatically</source>
        <translation>自动重新连接</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>客户端 ID：</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Keep-alive:</source>
        <translation>保活间隔：</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA 文件：</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>客户端证书：</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>客户端密钥：</translation>
    </message>
    <message>
        <source>Client private key</source>
        <translation>客户端私钥</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Topic filter</source>
        <translation>主题过滤器</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Certificates and keys (*.pem *.crt *.key *.cer);;All files (*)</source>
        <translation>证书和密钥 (*.pem *.crt *.key *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::CaptureFormat</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>正在重新连接</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录制中</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::CapturePane</name>
    <message>
        <source>Capture</source>
        <translation>采集</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>隔离区</translation>
    </message>
    <message>
        <source>Stop the current recording first</source>
        <translation>请先停止当前录制</translation>
    </message>
    <message>
        <source>Quarantine (%1)</source>
        <translation>隔离区 (%1)</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::CompressionPane</name>
    <message>
        <source>Compression</source>
        <translation>压缩</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>No trained model in this project yet. Train one in the Training pane, then compress it here.</source>
        <translation>此项目还没有训练好的模型。请先在训练面板中训练一个，然后在这里压缩。</translation>
    </message>
    <message>
        <source>Open or create a project, train a model, then compress it here.</source>
        <translation>请打开或创建项目并训练模型，然后在这里压缩。</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>强度：</translation>
    </message>
    <message>
        <source>then int8</source>
        <translation>然后 int8</translation>
    </message>
    <message>
        <source>Fine-tune epochs:</source>
        <translation>微调轮数：</translation>
    </message>
    <message>
        <source>Pruning and low rank: epochs of fine-tuning; distillation: 0 means 30</source>
        <translation>剪枝和低秩分解：微调的轮数；蒸馏：0 表示 30</translation>
    </message>
    <message>
        <source>Calibration samples:</source>
        <translation>校准样本数：</translation>
    </message>
    <message>
        <source>Rows of the training split used to calibrate static int8</source>
        <translation>用于校准静态 int8 量化的训练集行数</translation>
    </message>
    <message>
        <source>Recipe:</source>
        <translation>配方：</translation>
    </message>
    <message>
        <source>e.g. prune:0.8+int8</source>
        <translation>例如 prune:0.8+int8</translation>
    </message>
    <message>
        <source>Compress</source>
        <translation>压缩</translation>
    </message>
    <message>
        <source>Compress the model with this recipe (Ctrl+Shift+K)</source>
        <translation>用此配方压缩模型 (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the running compression (Esc); nothing is stored</source>
        <translation>停止正在进行的压缩 (Esc)；不保存任何内容</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>A:</source>
        <translation>A：</translation>
    </message>
    <message>
        <source>B:</source>
        <translation>B：</translation>
    </message>
    <message>
        <source>p50 latency (µs, log)</source>
        <translation>p50 延迟（微秒，对数）</translation>
    </message>
    <message>
        <source>Test accuracy (%)</source>
        <translation>测试准确率（%）</translation>
    </message>
    <message>
        <source>%1 (%2, %3%)</source>
        <translation>%1（%2，%3%）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <source>Accuracy %1%, p50 %2 µs, %3</source>
        <translation>准确率 %1%，p50 %2 微秒，%3</translation>
    </message>
    <message>
        <source>%1× the size, %2× the latency of its parent</source>
        <translation>大小为父模型的 %1×，延迟为父模型的 %2×</translation>
    </message>
    <message>
        <source>Export TorchScript...</source>
        <translation>导出 TorchScript...</translation>
    </message>
    <message>
        <source>Export C99...</source>
        <translation>导出 C99...</translation>
    </message>
    <message>
        <source>Export model file...</source>
        <translation>导出模型文件...</translation>
    </message>
    <message>
        <source>Compare the two selected</source>
        <translation>比较所选的两个</translation>
    </message>
    <message>
        <source>Compare with its parent</source>
        <translation>与其父模型比较</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>删除...</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Delete %1 from the project? Variants derived from it stay, without a parent.</source>
        <translation>要从项目中删除 %1 吗？由其派生的变体会保留，但不再有父模型。</translation>
    </message>
    <message>
        <source>C sources (*.c *.h)</source>
        <translation>C 源文件 (*.c *.h)</translation>
    </message>
    <message>
        <source>TorchScript (*.pt)</source>
        <translation>TorchScript (*.pt)</translation>
    </message>
    <message>
        <source>Model files (*)</source>
        <translation>模型文件 (*)</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Delete failed: %1</source>
        <translation>删除失败：%1</translation>
    </message>
    <message>
        <source>Deleted model %1</source>
        <translation>已删除模型 %1</translation>
    </message>
    <message>
        <source>Class accuracy (%)</source>
        <translation>类别准确率（%）</translation>
    </message>
    <message>
        <source>Per-class accuracy</source>
        <translation>各类别准确率</translation>
    </message>
    <message>
        <source>points</source>
        <translation>百分点</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>True</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>Confusion B − A (share of the true class, points)</source>
        <translation>混淆矩阵 B − A（占真实类别的比例，百分点）</translation>
    </message>
    <message>
        <source>Pick two variants</source>
        <translation>请选择两个变体</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>SQNR per layer: %1</source>
        <translation>每层 SQNR：%1</translation>
    </message>
    <message>
        <source>SQNR per layer (int8 variants only)</source>
        <translation>每层 SQNR（仅限 int8 变体）</translation>
    </message>
    <message>
        <source>A compression is already running.</source>
        <translation>已有压缩正在进行。</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>请先打开或创建项目。</translation>
    </message>
    <message>
        <source>Train a model first: there is nothing to compress.</source>
        <translation>请先训练模型：没有可压缩的内容。</translation>
    </message>
    <message>
        <source>Recipe: %1</source>
        <translation>配方：%1</translation>
    </message>
    <message>
        <source>Compress %1 with %2</source>
        <translation>用 %2 压缩 %1</translation>
    </message>
    <message>
        <source>%1: %2, accuracy %3% (%4%5 points), %6× the size</source>
        <translation>%1：%2，准确率 %3%（%4%5 个百分点），大小为父模型的 %6×</translation>
    </message>
    <message>
        <source>Compression cancelled; nothing was stored.</source>
        <translation>压缩已取消；未保存任何内容。</translation>
    </message>
    <message>
        <source>Compression failed: %1</source>
        <translation>压缩失败：%1</translation>
    </message>
    <message>
        <source>The new variant: %1</source>
        <translation>新变体：%1</translation>
    </message>
    <message>
        <source>Starting %1...</source>
        <translation>正在启动 %1...</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>正在取消...</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ConfusionMatrixWidget</name>
    <message numerus="yes">
        <source>True %1, predicted %2: %n sample(s). Click to list them.</source>
        <translation>
            <numerusform>真实 %1，预测 %2：%n 个样本。点击列出。</numerusform>
        </translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>true</source>
        <translation>真实</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ConnectionBar</name>
    <message>
        <source>Broker address: tcp://, mqtt://, ssl:// or mqtts://host:port</source>
        <translation>代理服务器地址：tcp://、mqtt://、ssl:// 或 mqtts://主机:端口</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Settings...</source>
        <translation>设置...</translation>
    </message>
    <message>
        <source>Broker:</source>
        <translation>代理服务器：</translation>
    </message>
    <message>
        <source>Invalid broker URL: %1</source>
        <translation>无效的代理服务器 URL：%1</translation>
    </message>
    <message>
        <source>Could not subscribe to %1: %2</source>
        <translation>无法订阅 %1：%2</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::DeployDialog</name>
    <message>
        <source>Deploy to the fleet</source>
        <translation>部署到设备群</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>The model to deploy; the plan picks for each device the best of it and its compressed variants that meets the device class&apos;s requirements.</source>
        <translation>要部署的模型；计划为每台设备从该模型及其压缩变体中选出满足设备类别要求的最佳一个。</translation>
    </message>
    <message>
        <source>&amp;Devices:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>ids and globs, e.g. imu-0001, imu-* (empty: all)</source>
        <translation>ID 与通配符，例如 imu-0001, imu-*（留空：全部）</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>计划(&amp;P)</translation>
    </message>
    <message>
        <source>Check each selected device&apos;s fit (Ctrl+P)</source>
        <translation>检查每台所选设备是否合适（Ctrl+P）</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Fit / reason skipped</source>
        <translation>适配 / 跳过原因</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Canary:</source>
        <translation>金丝雀：</translation>
    </message>
    <message>
        <source>Deploy to this share of the devices first; 0: all at once</source>
        <translation>先部署到这一比例的设备；0：一次全部部署</translation>
    </message>
    <message>
        <source>Halt above:</source>
        <translation>停止阈值：</translation>
    </message>
    <message>
        <source>Halt the rollout when more than this share of the canary fails</source>
        <translation>金丝雀组失败比例超过此值时停止发布</translation>
    </message>
    <message>
        <source>Health wait:</source>
        <translation>健康检查等待：</translation>
    </message>
    <message>
        <source>After the canary, wait this long and check that its devices are still online and run the new model</source>
        <translation>金丝雀阶段后等待这么久，并检查其设备仍在线且运行新模型</translation>
    </message>
    <message>
        <source>&amp;Start rollout</source>
        <translation>开始发布(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel rollout</source>
        <translation>取消发布</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 #%2 (variant of #%3)</source>
        <translation>%1 #%2（#%3 的变体）</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>The project has no models: train one first.</source>
        <translation>项目中没有模型：请先训练一个。</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>请先选择一个模型。</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) get a model</source>
        <translation>
            <numerusform>%n 台设备获得模型</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n 台跳过</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation>未知：%1</translation>
    </message>
    <message numerus="yes">
        <source>Rollout of %1 to %n device(s)</source>
        <translation>
            <numerusform>将 %1 发布到 %n 台设备</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3 succeeded, %4 failed or refused, %5 skipped</source>
        <translation>%1：%2，%3 个成功，%4 个失败或被拒绝，%5 个跳过</translation>
    </message>
    <message>
        <source>Rollout running…</source>
        <translation>正在发布…</translation>
    </message>
    <message>
        <source>Cancelling: devices in flight end as failed, the rest are skipped…</source>
        <translation>正在取消：进行中的设备记为失败，其余跳过…</translation>
    </message>
    <message>
        <source>canary: %1</source>
        <translation>金丝雀：%1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The rollout failed: %1</source>
        <translation>发布失败：%1</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::DriftTableModel</name>
    <message>
        <source>drift</source>
        <translation>漂移</translation>
    </message>
    <message>
        <source>PSI %1; for this window size PSI above %2 is unusual at level α on data without drift</source>
        <translation>PSI %1；对于此窗口大小，在无漂移数据上 PSI 超过 %2 在 α 水平下属于异常</translation>
    </message>
    <message>
        <source>Drifted: the KS p-value survives Benjamini-Hochberg at level α</source>
        <translation>已漂移：KS p 值在 α 水平的 Benjamini-Hochberg 校正后仍显著</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>KS statistic</source>
        <translation>KS 统计量</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>p 值</translation>
    </message>
    <message>
        <source>Adjusted p</source>
        <translation>校正后 p</translation>
    </message>
    <message>
        <source>PSI (threshold)</source>
        <translation>PSI（阈值）</translation>
    </message>
    <message>
        <source>Wasserstein</source>
        <translation>Wasserstein</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>漂移</translation>
    </message>
    <message>
        <source>Two-sample Kolmogorov-Smirnov statistic: the largest gap between the two empirical distribution functions</source>
        <translation>双样本 Kolmogorov-Smirnov 统计量：两个经验分布函数之间的最大差距</translation>
    </message>
    <message>
        <source>KS p-value as scipy.stats.ks_2samp computes it</source>
        <translation>与 scipy.stats.ks_2samp 计算方式一致的 KS p 值</translation>
    </message>
    <message>
        <source>p-value adjusted for testing every feature (Benjamini-Hochberg)</source>
        <translation>针对所有特征检验校正后的 p 值（Benjamini-Hochberg）</translation>
    </message>
    <message>
        <source>Population stability index on reference-quantile bins, and the value it exceeds by chance with probability α for this window size</source>
        <translation>基于参考分位数分箱的群体稳定性指数，以及在此窗口大小下以概率 α 偶然超过的值</translation>
    </message>
    <message>
        <source>Earth mover&apos;s distance, in the feature&apos;s own units</source>
        <translation>推土机距离，以特征自身单位表示</translation>
    </message>
    <message>
        <source>Drifted when the adjusted p-value is at most α</source>
        <translation>校正后 p 值不超过 α 时判定为漂移</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::DriftView</name>
    <message>
        <source>Reference:</source>
        <translation>参考：</translation>
    </message>
    <message>
        <source>CSV with a header row: the features the model was trained on</source>
        <translation>带表头行的 CSV：模型训练所用的特征</translation>
    </message>
    <message>
        <source>Reference features (the training data): a CSV file with a header row of feature names and one row per sample</source>
        <translation>参考特征（训练数据）：CSV 文件，表头行为特征名，每个样本一行</translation>
    </message>
    <message>
        <source>Live:</source>
        <translation>实时：</translation>
    </message>
    <message>
        <source>CSV with the same columns: what the devices saw</source>
        <translation>列相同的 CSV：设备看到的数据</translation>
    </message>
    <message>
        <source>Live features, matched to the reference&apos;s columns by name</source>
        <translation>实时特征，按名称与参考的列匹配</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>α:</source>
        <translation>α：</translation>
    </message>
    <message>
        <source>False discovery rate of the per-feature drift decision (Benjamini-Hochberg) and level of the multivariate MMD test</source>
        <translation>逐特征漂移判定的错误发现率（Benjamini-Hochberg）及多变量 MMD 检验的显著性水平</translation>
    </message>
    <message>
        <source>Window rows:</source>
        <translation>窗口行数：</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Rows per live window of the timeline; auto: a tenth of the live file, at least 50</source>
        <translation>时间线中每个实时窗口的行数；自动：实时文件的十分之一，至少 50</translation>
    </message>
    <message>
        <source>Analyze drift</source>
        <translation>分析漂移</translation>
    </message>
    <message>
        <source>Compare the live file with the reference (Ctrl+Return)</source>
        <translation>将实时文件与参考对比（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Reference vs live histogram of the selected feature</source>
        <translation>所选特征的参考与实时直方图</translation>
    </message>
    <message>
        <source>Drift score over consecutive live windows</source>
        <translation>连续实时窗口的漂移得分</translation>
    </message>
    <message>
        <source>Open features</source>
        <translation>打开特征</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a reference and a live CSV file first.</source>
        <translation>请先选择参考 CSV 文件和实时 CSV 文件。</translation>
    </message>
    <message>
        <source>Drift of %1</source>
        <translation>%1 的漂移</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n features drifted</source>
        <translation>
            <numerusform>%n 个特征中有 %1 个漂移</numerusform>
        </translation>
    </message>
    <message>
        <source>Drift analysis cancelled.</source>
        <translation>漂移分析已取消。</translation>
    </message>
    <message>
        <source>Drift analysis failed: %1</source>
        <translation>漂移分析失败：%1</translation>
    </message>
    <message>
        <source>Compare a live window of features with the reference the model was trained on. Both files need a header row of feature names.</source>
        <translation>将实时特征窗口与模型训练所用的参考进行对比。两个文件都需要特征名表头行。</translation>
    </message>
    <message>
        <source>No feature drifted (%1 reference rows, %2 live rows).</source>
        <translation>没有特征漂移（%1 个参考行，%2 个实时行）。</translation>
    </message>
    <message>
        <source>Drift in %1 (%2 reference rows, %3 live rows).</source>
        <translation>%1 发生漂移（%2 个参考行，%3 个实时行）。</translation>
    </message>
    <message>
        <source>Multivariate MMD² %1, permutation p %2: %3.</source>
        <translation>多变量 MMD² %1，置换 p %2：%3。</translation>
    </message>
    <message>
        <source>drift</source>
        <translation>漂移</translation>
    </message>
    <message>
        <source>no drift</source>
        <translation>无漂移</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::FleetLatencyView</name>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the devices&apos; heartbeats from the project again</source>
        <translation>重新从项目读取设备心跳</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Heartbeats</source>
        <translation>心跳</translation>
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
        <translation>最差 p99 (µs)</translation>
    </message>
    <message>
        <source>Last version change</source>
        <translation>最近一次版本变更</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>所有设备</translation>
    </message>
    <message>
        <source>Cannot read the telemetry: %1</source>
        <translation>无法读取遥测数据：%1</translation>
    </message>
    <message>
        <source>No heartbeats yet: devices report their latency every few seconds on edgewise/&lt;device&gt;/telemetry once the Fleet pane watches them.</source>
        <translation>还没有心跳：一旦设备群面板开始监视，设备每隔几秒会在 edgewise/&lt;device&gt;/telemetry 上报告其延迟。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 devices, %2 heartbeats; no model version is slower than the one before it (rule: median p50 over %3 heartbeats +%4 % and Mann-Whitney p &lt; %5).</source>
        <translation>%1 台设备，%2 个心跳；没有比前一版本更慢的模型版本（规则：%3 个心跳的 p50 中位数 +%4 % 且 Mann-Whitney p &lt; %5）。</translation>
    </message>
    <message>
        <source>Latency regression on %1: the new model version is slower than the previous one on the same device.</source>
        <translation>%1 上出现延迟退化：新模型版本在同一设备上比上一版本更慢。</translation>
    </message>
    <message>
        <source>×%1 slower</source>
        <translation>慢 ×%1</translation>
    </message>
    <message>
        <source>×%1, no regression</source>
        <translation>×%1，无退化</translation>
    </message>
    <message>
        <source>p50 %1 → %2 µs, Mann-Whitney p = %3</source>
        <translation>p50 %1 → %2 µs，Mann-Whitney p = %3</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::FleetPane</name>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n 核</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>设备群</translation>
    </message>
    <message>
        <source>Rollback: %1</source>
        <translation>回滚：%1</translation>
    </message>
    <message>
        <source>Rollback failed: %1</source>
        <translation>回滚失败：%1</translation>
    </message>
    <message>
        <source>&amp;Broker:</source>
        <translation>代理(&amp;B)：</translation>
    </message>
    <message>
        <source>The broker the devices report to (from the Capture pane&apos;s settings)</source>
        <translation>设备上报所用的代理（来自采集面板的设置）</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Filter devices, classes, tags, models (Ctrl+F)</source>
        <translation>筛选设备、类别、标签、模型（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;Deploy…</source>
        <translation>部署(&amp;D)…</translation>
    </message>
    <message>
        <source>Plan and run a staged rollout (Ctrl+D)</source>
        <translation>计划并执行分阶段发布（Ctrl+D）</translation>
    </message>
    <message>
        <source>&amp;Roll back group</source>
        <translation>回滚分组(&amp;R)</translation>
    </message>
    <message>
        <source>Give every device that got the model in the selected (or latest) deployment its previous model again</source>
        <translation>让所选（或最近一次）部署中获得该模型的每台设备恢复其先前的模型</translation>
    </message>
    <message>
        <source>Re&amp;quirements…</source>
        <translation>要求(&amp;Q)…</translation>
    </message>
    <message>
        <source>Limits and objective per device class, used by the plan</source>
        <translation>每个设备类别的限制与目标，供计划使用</translation>
    </message>
    <message>
        <source>&amp;Tags and class…</source>
        <translation>标签和类别(&amp;T)…</translation>
    </message>
    <message>
        <source>Edit the tags and class of the selected devices (Ctrl+T)</source>
        <translation>编辑所选设备的标签和类别（Ctrl+T）</translation>
    </message>
    <message>
        <source>Telemetry</source>
        <translation>遥测</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Model before → after</source>
        <translation>模型 之前 → 之后</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>latency p50 (ms)</source>
        <translation>延迟 p50（ms）</translation>
    </message>
    <message>
        <source>latency p99 (ms)</source>
        <translation>延迟 p99（ms）</translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation>CPU（%）</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>延迟（ms）</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Listening to device status and telemetry on %1</source>
        <translation>正在 %1 上接收设备状态和遥测</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>正在重连</translation>
    </message>
    <message>
        <source>not heard in this session</source>
        <translation>本次会话中未收到</translation>
    </message>
    <message>
        <source>Open a project to keep an inventory of devices and deploy to them.</source>
        <translation>打开一个项目以维护设备清单并向其部署。</translation>
    </message>
    <message>
        <source>No device has reported yet. Start edgewise-agent against %1.</source>
        <translation>尚无设备上报。请以 %1 启动 edgewise-agent。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2, agent %3, %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2，代理程序 %3，%4</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>Select a device to see its telemetry and deployments.</source>
        <translation>选择一台设备以查看其遥测和部署。</translation>
    </message>
    <message>
        <source>rollback</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>canary</source>
        <translation>金丝雀</translation>
    </message>
    <message>
        <source>rest</source>
        <translation>其余</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Open a project first: deployments are signed with its key and recorded in it.</source>
        <translation>请先打开项目：部署使用其密钥签名并记录在其中。</translation>
    </message>
    <message>
        <source>Not connected: every device counts as offline. Connect to the broker first.</source>
        <translation>未连接：所有设备都视为离线。请先连接代理。</translation>
    </message>
    <message>
        <source>Rollout %1 finished; see each device&apos;s Deployments tab.</source>
        <translation>发布 %1 已完成；请查看各设备的“部署”选项卡。</translation>
    </message>
    <message>
        <source>Nothing to roll back: no deployment recorded yet.</source>
        <translation>没有可回滚的内容：尚未记录任何部署。</translation>
    </message>
    <message>
        <source>Nothing to roll back in %1: no device got the model, or none had a previous one.</source>
        <translation>%1 中没有可回滚的内容：没有设备获得该模型，或都没有先前的模型。</translation>
    </message>
    <message>
        <source>Roll back group</source>
        <translation>回滚分组</translation>
    </message>
    <message numerus="yes">
        <source>Give %n device(s) of deployment %1 their previous model again?</source>
        <translation>
            <numerusform>让部署 %1 中的 %n 台设备恢复先前的模型？</numerusform>
        </translation>
    </message>
    <message>
        <source>Roll back %1</source>
        <translation>回滚 %1</translation>
    </message>
    <message>
        <source>%1 (%2): %3 devices back on their previous model, %4 not</source>
        <translation>%1（%2）：%3 台设备已恢复先前模型，%4 台未恢复</translation>
    </message>
    <message>
        <source>Rolling back %1…</source>
        <translation>正在回滚 %1…</translation>
    </message>
    <message>
        <source>Requirements saved; the next plan uses them.</source>
        <translation>要求已保存；下一次计划将使用它们。</translation>
    </message>
    <message>
        <source>Select one or more devices first.</source>
        <translation>请先选择一台或多台设备。</translation>
    </message>
    <message numerus="yes">
        <source>Tags and class of %n device(s)</source>
        <translation>
            <numerusform>%n 台设备的标签和类别</numerusform>
        </translation>
    </message>
    <message>
        <source>comma separated, e.g. line-1, canary</source>
        <translation>以逗号分隔，例如 line-1, canary</translation>
    </message>
    <message>
        <source>Device class:</source>
        <translation>设备类别：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Connect to the broker (Enter in the address field) to see devices live.</source>
        <translation>连接代理（在地址栏中按回车）以实时查看设备。</translation>
    </message>
    <message>
        <source>No broker at %1 yet; press Connect when it runs.</source>
        <translation>%1 上尚无代理；代理运行后请按“连接”。</translation>
    </message>
    <message numerus="yes">
        <source>live: %1 of %n device(s) online</source>
        <translation>
            <numerusform>实时：%n 台设备中 %1 台在线</numerusform>
        </translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>部署规划</translation>
    </message>
    <message>
        <source>Simulate where deep learning tasks run: edge servers or the cloud</source>
        <translation>模拟深度学习任务的运行位置：边缘服务器或云端</translation>
    </message>
    <message>
        <source>Accept the new identity key of %1</source>
        <translation>接受 %1 的新身份密钥</translation>
    </message>
    <message>
        <source>The device&apos;s identity key is unchanged</source>
        <translation>设备的身份密钥未更改</translation>
    </message>
    <message>
        <source>%1 has no changed identity key to accept.</source>
        <translation>%1 没有可接受的已更改身份密钥。</translation>
    </message>
    <message>
        <source>Accepted the new identity key %1 of %2: its deploy states are checked against it from now on.</source>
        <translation>已接受 %2 的新身份密钥 %1：从现在起用它校验其部署状态。</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::FleetTableModel</name>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n 秒前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged drift alarm(s)</source>
        <translation>
            <numerusform>%n 个未确认的漂移警报</numerusform>
        </translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后出现</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
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
        <translation>漂移</translation>
    </message>
    <message>
        <source>Identity key %1</source>
        <translation>身份密钥 %1</translation>
    </message>
    <message>
        <source>Identity key changed: the device now announces key %1 instead of %2. Its deploy states are not trusted until you accept the new key (context menu).</source>
        <translation>身份密钥已更改：设备现在声明的密钥为 %1，而不是 %2。在您接受新密钥（右键菜单）之前，不信任其部署状态。</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ImageGridView</name>
    <message>
        <source>Image dataset:</source>
        <translation>图像数据集：</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Click, Shift/Ctrl-click or drag to select · 1-9: assign the class to the selection · Ctrl+A: select all shown · Ctrl+Z: undo</source>
        <translation>单击、Shift/Ctrl 单击或拖动以选择 · 1-9：为所选项指定类别 · Ctrl+A：选择全部显示项 · Ctrl+Z：撤销</translation>
    </message>
    <message>
        <source>All samples</source>
        <translation>全部样本</translation>
    </message>
    <message>
        <source>Unlabeled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <source>Enter your name as annotator first</source>
        <translation>请先输入您的标注者姓名</translation>
    </message>
    <message numerus="yes">
        <source>Label %n sample(s) as %1</source>
        <translation>
            <numerusform>将 %n 个样本标注为 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No class has key %1</source>
        <translation>没有类别使用按键 %1</translation>
    </message>
    <message>
        <source>No image dataset in this project (File &gt; Import dataset)</source>
        <translation>此项目中没有图像数据集（文件 &gt; 导入数据集）</translation>
    </message>
    <message>
        <source>Pick an image dataset</source>
        <translation>选择图像数据集</translation>
    </message>
    <message>
        <source>%1 samples · %2 labeled · %3 shown · %4 selected</source>
        <translation>%1 个样本 · 已标注 %2 · 显示 %3 · 已选 %4</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ImportDatasetDialog</name>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>IDX files (*-ubyte *-ubyte.gz *.idx *.gz)</source>
        <translation>IDX 文件 (*-ubyte *-ubyte.gz *.idx *.gz)</translation>
    </message>
    <message>
        <source>Import Dataset</source>
        <translation>导入数据集</translation>
    </message>
    <message>
        <source>OpenCV digits.png (20x20 digits)</source>
        <translation>OpenCV digits.png（20x20 数字）</translation>
    </message>
    <message>
        <source>IDX (MNIST) image and label files</source>
        <translation>IDX (MNIST) 图像和标签文件</translation>
    </message>
    <message>
        <source>CSV with a label column</source>
        <translation>带标签列的 CSV</translation>
    </message>
    <message>
        <source>Image folder (one subfolder per class)</source>
        <translation>图像文件夹（每个类别一个子文件夹）</translation>
    </message>
    <message>
        <source>WAV folder (one subfolder per class)</source>
        <translation>WAV 文件夹（每个类别一个子文件夹）</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>Dataset &amp;name:</source>
        <translation>数据集名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Labels file:</source>
        <translation>标签文件(&amp;L)：</translation>
    </message>
    <message>
        <source>Label &amp;column:</source>
        <translation>标签列(&amp;C)：</translation>
    </message>
    <message>
        <source>A header name or a 0-based column index; -1 is the last column.</source>
        <translation>列名或从 0 开始的列索引；-1 表示最后一列。</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Samples per class</source>
        <translation>每个类别的样本数</translation>
    </message>
    <message>
        <source>Rejected files and rows</source>
        <translation>被拒绝的文件和行</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;Image file:</source>
        <translation>图像文件(&amp;I)：</translation>
    </message>
    <message>
        <source>OpenCV&apos;s samples/data/digits.png: 5000 handwritten digits, 500 per class.</source>
        <translation>OpenCV 的 samples/data/digits.png：5000 个手写数字，每类 500 个。</translation>
    </message>
    <message>
        <source>&amp;Images file:</source>
        <translation>图像文件(&amp;I)：</translation>
    </message>
    <message>
        <source>An idx3-ubyte images file and its idx1-ubyte labels file, plain or gzip-compressed.</source>
        <translation>一个 idx3-ubyte 图像文件及其 idx1-ubyte 标签文件，未压缩或 gzip 压缩。</translation>
    </message>
    <message>
        <source>&amp;CSV file:</source>
        <translation>CSV 文件(&amp;C)：</translation>
    </message>
    <message>
        <source>One sample per row: numeric feature columns and one label column. Rows that cannot be read are listed, not imported.</source>
        <translation>每行一个样本：数值特征列和一个标签列。无法读取的行会被列出，不会导入。</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>FOLDER/&lt;class&gt;/*.png|jpg: every image must have the size of the first one.</source>
        <translation>文件夹/&lt;类别&gt;/*.png|jpg：所有图像的尺寸必须与第一张相同。</translation>
    </message>
    <message>
        <source>FOLDER/&lt;class&gt;/*.wav: 16-bit PCM, mono or stereo, one sample rate.</source>
        <translation>文件夹/&lt;类别&gt;/*.wav：16 位 PCM，单声道或立体声，采样率一致。</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Open or create a project first (File &gt; Open).</source>
        <translation>请先打开或创建项目（文件 &gt; 打开）。</translation>
    </message>
    <message>
        <source>Choose what to import.</source>
        <translation>请选择要导入的内容。</translation>
    </message>
    <message>
        <source>Choose the IDX labels file.</source>
        <translation>请选择 IDX 标签文件。</translation>
    </message>
    <message>
        <source>Give the dataset a name.</source>
        <translation>请为数据集命名。</translation>
    </message>
    <message>
        <source>Import dataset %1</source>
        <translation>导入数据集 %1</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message numerus="yes">
        <source>Writing %n samples</source>
        <translation>
            <numerusform>正在写入 %n 个样本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %n samples</source>
        <translation>
            <numerusform>已导入 %1：%n 个样本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n rejected</source>
        <translation>
            <numerusform>，%n 个被拒绝</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>正在导入...</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <source>Simulated IMU activity</source>
        <translation>模拟 IMU 活动</translation>
    </message>
    <message>
        <source>&amp;Windows per class:</source>
        <translation>每类窗口数(&amp;W)：</translation>
    </message>
    <message>
        <source>Window &amp;length:</source>
        <translation>窗口长度(&amp;L)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Sample &amp;rate:</source>
        <translation>采样率(&amp;R)：</translation>
    </message>
    <message>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>种子(&amp;S)：</translation>
    </message>
    <message>
        <source>The same settings and seed give the same dataset on every machine</source>
        <translation>相同的设置和种子在每台机器上生成相同的数据集</translation>
    </message>
    <message>
        <source>6-axis IMU windows (accelerometer and gyroscope) of idle, walk, run, stairs and fall from 8 simulated wearers, made on this machine.</source>
        <translation>来自 8 位模拟佩戴者的静止、步行、跑步、上下楼梯和跌倒的六轴 IMU 窗口（加速度计和陀螺仪），在本机生成。</translation>
    </message>
    <message>
        <source>Simulating IMU windows</source>
        <translation>正在模拟 IMU 窗口</translation>
    </message>
    <message>
        <source>Recordings from the capture pane</source>
        <translation>采集面板中的录制</translation>
    </message>
    <message>
        <source>&amp;Recordings:</source>
        <translation>录制(&amp;R)：</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录制</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>数据流</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Type a label for each recording to import; recordings without a label are left out.</source>
        <translation>为每个要导入的录制输入标签；没有标签的录制不会导入。</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>窗口(&amp;W)：</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>S&amp;tride:</source>
        <translation>步长(&amp;T)：</translation>
    </message>
    <message>
        <source>A new window starts every stride; a trailing partial window is dropped.</source>
        <translation>每隔一个步长开始一个新窗口；末尾不完整的窗口会被丢弃。</translation>
    </message>
    <message>
        <source>Each labelled recording&apos;s stream is cut into windows; every window gets the recording&apos;s label. All chosen streams need the same channels and sample rate.</source>
        <translation>每个带标签录制的数据流被切分为窗口，每个窗口获得该录制的标签。所有选中的数据流必须具有相同的通道和采样率。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message numerus="yes">
        <source>%n channels at %1 Hz</source>
        <translation>
            <numerusform>%n 个通道，%1 Hz</numerusform>
        </translation>
    </message>
    <message>
        <source>(no time-series stream)</source>
        <translation>(无时间序列数据流)</translation>
    </message>
    <message>
        <source>Type a label for at least one recording to import.</source>
        <translation>请至少为一个录制输入标签以进行导入。</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n recordings</source>
        <translation>
            <numerusform>正在读取 %n 个录制</numerusform>
        </translation>
    </message>
    <message>
        <source>Effective labels</source>
        <translation>有效标签</translation>
    </message>
    <message>
        <source>La&amp;bels:</source>
        <translation>标签(&amp;B)：</translation>
    </message>
    <message>
        <source>One label per recording (typed below)</source>
        <translation>每个录制一个标签（在下方输入）</translation>
    </message>
    <message>
        <source>Labeling pane: the effective labels of each window</source>
        <translation>标注面板：每个窗口的有效标签</translation>
    </message>
    <message>
        <source>Checked recordings are imported. The column shows how much of each recording has an effective label per class, and how much is an unresolved disagreement.</source>
        <translation>将导入已勾选的录制。此列显示每个录制中各类别有效标签的时长，以及未解决分歧的时长。</translation>
    </message>
    <message>
        <source>Each checked recording&apos;s stream is cut into windows; a window takes the class whose effective labels (adjudicated, unanimous, single or majority) cover more than half of it. Other windows are skipped and counted under Rejected. All chosen streams need the same channels and sample rate.</source>
        <translation>每个已勾选录制的数据流被切分为窗口；窗口取其有效标签（裁决、一致、单人或多数）覆盖超过一半的类别。其他窗口被跳过，并计入“被拒绝”。所有选定的数据流需要相同的通道和采样率。</translation>
    </message>
    <message>
        <source>%1 %2 s</source>
        <translation>%1 %2 秒</translation>
    </message>
    <message>
        <source>%1 s unresolved</source>
        <translation>%1 秒未解决</translation>
    </message>
    <message>
        <source>(no labels)</source>
        <translation>（无标签）</translation>
    </message>
    <message>
        <source>Check at least one recording to import.</source>
        <translation>请至少勾选一个要导入的录制。</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::JobStrip</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the running audit (Esc)</source>
        <translation>停止正在运行的审计（Esc）</translation>
    </message>
    <message>
        <source>An audit of this kind is already running.</source>
        <translation>同类审计已在运行。</translation>
    </message>
    <message>
        <source>Starting %1...</source>
        <translation>正在启动 %1...</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>请先打开或创建项目。</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>正在取消...</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::LabelingPane</name>
    <message>
        <source>Labeling</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录制</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>数据流</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>Show or hide channels</source>
        <translation>显示或隐藏通道</translation>
    </message>
    <message>
        <source>Stacked</source>
        <translation>堆叠</translation>
    </message>
    <message>
        <source>Overlaid</source>
        <translation>叠加</translation>
    </message>
    <message>
        <source>Draw each channel in its own band, or all on one axis</source>
        <translation>每个通道绘制在各自的条带中，或全部绘制在同一坐标轴上</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show the whole recording</source>
        <translation>显示整个录制</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last label edit (Ctrl+Z in the timeline)</source>
        <translation>撤销上一次标签编辑（在时间轴中按 Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z in the timeline)</source>
        <translation>重做（在时间轴中按 Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>new class</source>
        <translation>新类别</translation>
    </message>
    <message>
        <source>Add class</source>
        <translation>添加类别</translation>
    </message>
    <message>
        <source>Drag to label, drag an edge to resize, click to select; 1-9 class, Del delete, Ctrl+Z undo; arrows and PageUp/PageDown move, wheel or +/- zoom, Shift+drag pans; N next unlabeled, S next suggestion</source>
        <translation>拖动以标注，拖动边缘以调整大小，单击以选择；1-9 选择类别，Del 删除，Ctrl+Z 撤销；方向键和 PageUp/PageDown 移动，滚轮或 +/- 缩放，Shift+拖动 平移；N 下一个未标注处，S 下一个建议</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1 (%2 s)</source>
        <translation>%1（%2 秒）</translation>
    </message>
    <message numerus="yes">
        <source>%1 / %2 (%n sample(s))</source>
        <translation>
            <numerusform>%1 / %2（%n 个样本）</numerusform>
        </translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <source>Open a project to label its recordings.</source>
        <translation>请打开项目以标注其录制。</translation>
    </message>
    <message>
        <source>Could not read the recording: %1</source>
        <translation>无法读取录制：%1</translation>
    </message>
    <message>
        <source>This project has no recordings yet: record some in the Capture pane.</source>
        <translation>此项目还没有录制：请在采集面板中录制。</translation>
    </message>
    <message>
        <source>Add a class to start labeling.</source>
        <translation>添加一个类别以开始标注。</translation>
    </message>
    <message>
        <source>no annotator name</source>
        <translation>未填写标注者姓名</translation>
    </message>
    <message>
        <source>Could not add the class: %1</source>
        <translation>无法添加类别：%1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s), %1 selected; annotator: %2</source>
        <translation>
            <numerusform>%n 个标签，已选 %1 个；标注者：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Agreement between the annotators of this recording and their disagreements</source>
        <translation>此录制的标注者之间的一致性及其分歧</translation>
    </message>
    <message>
        <source>Could not change the class: %1</source>
        <translation>无法修改类别：%1</translation>
    </message>
    <message>
        <source>Edit class %1</source>
        <translation>编辑类别 %1</translation>
    </message>
    <message>
        <source>Edit class</source>
        <translation>编辑类别</translation>
    </message>
    <message>
        <source>Class color</source>
        <translation>类别颜色</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Color:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Shortcut key:</source>
        <translation>快捷键：</translation>
    </message>
    <message>
        <source>Renaming changes the class of every label that uses it.</source>
        <translation>重命名会更改所有使用该类别的标签。</translation>
    </message>
    <message>
        <source>Class %1: key %2 assigns it to the selected labels. Right-click to rename it or change its color or key.</source>
        <translation>类别 %1：按键 %2 将其分配给所选标签。右键单击可重命名或更改其颜色或按键。</translation>
    </message>
    <message>
        <source>Class %1. Right-click to rename it or change its color or key.</source>
        <translation>类别 %1。右键单击可重命名或更改其颜色或按键。</translation>
    </message>
    <message>
        <source>Edit class…</source>
        <translation>编辑类别…</translation>
    </message>
    <message>
        <source>Spectrogram</source>
        <translation>频谱图</translation>
    </message>
    <message>
        <source>Show the spectrogram (dB over frequency) under the waveform of an audio stream</source>
        <translation>在音频流的波形下方显示频谱图（各频率的 dB 值）</translation>
    </message>
    <message>
        <source>Asked to label recording %1, which this project does not have: %2</source>
        <translation>请求标注录制 %1，但此项目中没有该录制：%2</translation>
    </message>
    <message>
        <source>To label: %1 – %2 s. %3</source>
        <translation>待标注：%1 – %2 秒。%3</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Active learning: label what the model needs most, with its suggestion as a pre-annotation</source>
        <translation>主动学习：标注模型最需要的样本，并以模型建议作为预标注</translation>
    </message>
    <message>
        <source>Image grid</source>
        <translation>图像网格</translation>
    </message>
    <message>
        <source>Label the samples of an image dataset in a grid</source>
        <translation>在网格中标注图像数据集的样本</translation>
    </message>
    <message>
        <source>Hide this request</source>
        <translation>隐藏此请求</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::LatencyView</name>
    <message>
        <source>Measure for:</source>
        <translation>测量时长：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>The timed phase runs at least this long and at least 50 times</source>
        <translation>计时阶段至少运行这么久且至少 50 次</translation>
    </message>
    <message>
        <source>Run benchmark</source>
        <translation>运行基准测试</translation>
    </message>
    <message>
        <source>Load the model, time single-sample predictions on this machine (Ctrl+Return)</source>
        <translation>加载模型，在本机上对单样本预测计时（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Init (load):</source>
        <translation>初始化（加载）：</translation>
    </message>
    <message>
        <source>First inference:</source>
        <translation>首次推理：</translation>
    </message>
    <message>
        <source>Warm-up:</source>
        <translation>预热：</translation>
    </message>
    <message>
        <source>Timed runs:</source>
        <translation>计时运行：</translation>
    </message>
    <message>
        <source>p50:</source>
        <translation>p50：</translation>
    </message>
    <message>
        <source>p90:</source>
        <translation>p90：</translation>
    </message>
    <message>
        <source>p99:</source>
        <translation>p99：</translation>
    </message>
    <message>
        <source>Max:</source>
        <translation>最大值：</translation>
    </message>
    <message>
        <source>Mean ± std:</source>
        <translation>均值 ± 标准差：</translation>
    </message>
    <message>
        <source>Coefficient of variation:</source>
        <translation>变异系数：</translation>
    </message>
    <message>
        <source>Peak RSS:</source>
        <translation>峰值 RSS：</translation>
    </message>
    <message>
        <source>Standard deviation over mean: above 0.5 the machine was busy or the model&apos;s time varies a lot</source>
        <translation>标准差除以均值：高于 0.5 表示机器繁忙或模型耗时波动很大</translation>
    </message>
    <message>
        <source>Peak resident memory of a separate process that loads the model and serves the test rows</source>
        <translation>加载模型并处理测试行的独立进程的峰值常驻内存</translation>
    </message>
    <message>
        <source>Pick a model to benchmark: train one in the Training pane first.</source>
        <translation>请选择要测试的模型：先在“训练”面板中训练一个。</translation>
    </message>
    <message>
        <source>Latency of %1</source>
        <translation>%1 的延迟</translation>
    </message>
    <message numerus="yes">
        <source>p50 %1 µs, p99 %2 µs over %n runs</source>
        <translation>
            <numerusform>p50 %1 µs，p99 %2 µs，共 %n 次运行</numerusform>
        </translation>
    </message>
    <message>
        <source>Latency benchmark cancelled.</source>
        <translation>延迟基准测试已取消。</translation>
    </message>
    <message>
        <source>Latency benchmark failed: %1</source>
        <translation>延迟基准测试失败：%1</translation>
    </message>
    <message>
        <source>Benchmark the chosen model on this machine: single-sample predictions, as a device serves them.</source>
        <translation>在本机上对所选模型进行基准测试：按设备的方式逐个样本预测。</translation>
    </message>
    <message>
        <source>Latency histogram</source>
        <translation>延迟直方图</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <source>%n runs, mean %1</source>
        <translation>
            <numerusform>%n 次运行，平均 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2 s</source>
        <translation>%2 秒内 %1 次</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::LiveDriftView</name>
    <message>
        <source>Broker:</source>
        <translation>代理：</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>窗口：</translation>
    </message>
    <message>
        <source> predictions</source>
        <translation> 个预测</translation>
    </message>
    <message>
        <source>Predictions per device scored together against the reference</source>
        <translation>每台设备一起与参考比较的预测数</translation>
    </message>
    <message>
        <source>α:</source>
        <translation>α：</translation>
    </message>
    <message>
        <source>False discovery rate of the per-feature decision (Benjamini-Hochberg) per window</source>
        <translation>每个窗口逐特征判定的错误发现率（Benjamini-Hochberg）</translation>
    </message>
    <message>
        <source>Watch devices</source>
        <translation>监视设备</translation>
    </message>
    <message>
        <source>Compute the picked model&apos;s training features and score every device&apos;s predictions against them</source>
        <translation>计算所选模型的训练特征，并用其评估每台设备的预测</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Simulator:</source>
        <translation>模拟器：</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>gain</source>
        <translation>增益</translation>
    </message>
    <message>
        <source>Added to the channel (bias) or multiplying it (gain)</source>
        <translation>加到通道上（偏置）或与通道相乘（增益）</translation>
    </message>
    <message>
        <source>Inject drift</source>
        <translation>注入漂移</translation>
    </message>
    <message>
        <source>Send inject_drift to the selected simulated device</source>
        <translation>向所选模拟设备发送 inject_drift</translation>
    </message>
    <message>
        <source>Clear drift</source>
        <translation>清除漂移</translation>
    </message>
    <message>
        <source>Create labeling task from drifted windows</source>
        <translation>从漂移窗口创建标注任务</translation>
    </message>
    <message>
        <source>Save the device&apos;s drifted windows as a recording of the project and open it in the Labeling pane</source>
        <translation>将设备的漂移窗口保存为项目录制，并在标注面板中打开</translation>
    </message>
    <message>
        <source>Already watching: stop first.</source>
        <translation>已在监视：请先停止。</translation>
    </message>
    <message>
        <source>Pick a trained model: its training features are the reference.</source>
        <translation>请选择一个已训练的模型：其训练特征即为参考。</translation>
    </message>
    <message>
        <source>Live drift of model %1</source>
        <translation>模型 %1 的实时漂移</translation>
    </message>
    <message>
        <source>Watching %1 for predictions (reference: %2 training rows)</source>
        <translation>正在监视 %1 的预测（参考：%2 条训练行）</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Cannot watch: %1</source>
        <translation>无法监视：%1</translation>
    </message>
    <message>
        <source>Stopped. %1 alarms were written to the project.</source>
        <translation>已停止。%1 条告警已写入项目。</translation>
    </message>
    <message>
        <source>Pick a trained model above and watch the devices that run it: every device&apos;s predictions are compared with the model&apos;s training features, window by window.</source>
        <translation>在上方选择一个已训练的模型并监视运行它的设备：每台设备的预测会逐窗口与模型的训练特征比较。</translation>
    </message>
    <message>
        <source>Reference vs live histogram of the selected feature</source>
        <translation>所选特征的参考与实时直方图</translation>
    </message>
    <message>
        <source>Drift score per window of the selected device</source>
        <translation>所选设备每个窗口的漂移得分</translation>
    </message>
    <message>
        <source>%1 devices, %2 predictions, %3 windows scored, %4 alarms.</source>
        <translation>%1 台设备，%2 个预测，已评估 %3 个窗口，%4 条告警。</translation>
    </message>
    <message>
        <source>%1 predictions could not be used (%2).</source>
        <translation>%1 个预测无法使用（%2）。</translation>
    </message>
    <message>
        <source>%1 runs a model without a reference.</source>
        <translation>%1 运行的模型没有参考。</translation>
    </message>
    <message>
        <source>%1: first window %2 of %3 predictions.</source>
        <translation>%1：第一个窗口 %2/%3 个预测。</translation>
    </message>
    <message numerus="yes">
        <source>%1: no feature moved in the latest window (%n alarms so far).</source>
        <translation>
            <numerusform>%1：最新窗口中没有特征发生偏移（迄今 %n 条告警）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: drift in %2.</source>
        <translation>%1：%2 发生漂移。</translation>
    </message>
    <message>
        <source>Watch the devices and pick one first.</source>
        <translation>请先监视设备并选择一台。</translation>
    </message>
    <message>
        <source>Cannot send %1 to %2: %3</source>
        <translation>无法向 %2 发送 %1：%3</translation>
    </message>
    <message>
        <source>Sent %1 to %2.</source>
        <translation>已向 %2 发送 %1。</translation>
    </message>
    <message>
        <source>Open a project and pick a device with drifted windows first.</source>
        <translation>请先打开项目并选择有漂移窗口的设备。</translation>
    </message>
    <message>
        <source>No labeling task: %1</source>
        <translation>未创建标注任务：%1</translation>
    </message>
    <message numerus="yes">
        <source>Drift on %1 in %n windows (%2)</source>
        <translation>
            <numerusform>%1 在 %n 个窗口中发生漂移（%2）</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording %1 with %2 rows of drifted windows sent to labeling.</source>
        <translation>包含 %2 行漂移窗口的录制 %1 已发送去标注。</translation>
    </message>
    <message>
        <source>The broker the devices publish their predictions to; empty: no broker (recordings only)</source>
        <translation>设备发布预测所用的代理；留空：不使用代理（仅录制）</translation>
    </message>
    <message>
        <source>Replay recording</source>
        <translation>回放录制</translation>
    </message>
    <message>
        <source>Score the picked recording&apos;s samples as one device&apos;s predictions (its channels must be the model&apos;s features, e.g. drifted windows saved here)</source>
        <translation>将所选录制的样本作为一台设备的预测进行评估（其通道必须是模型的特征，例如在此保存的漂移窗口）</translation>
    </message>
    <message>
        <source>Watch first (leave the broker empty to score recordings only).</source>
        <translation>请先开始监视（将代理留空即可只评估录制）。</translation>
    </message>
    <message>
        <source>Cannot read recording %1: %2</source>
        <translation>无法读取录制 %1：%2</translation>
    </message>
    <message>
        <source>Recording %1 has no stream with the model&apos;s %2 features.</source>
        <translation>录制 %1 没有包含模型 %2 个特征的流。</translation>
    </message>
    <message>
        <source>Recording %1: %2 rows scored.</source>
        <translation>录制 %1：已评估 %2 行。</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>参考：</translation>
    </message>
    <message>
        <source>training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>each device&apos;s first</source>
        <translation>每台设备的前</translation>
    </message>
    <message>
        <source>Training data: does the model still see what it was trained on (a single device always differs from the population somewhat). Each device&apos;s first predictions: did the device change since the model was installed (blind to a difference it already had).</source>
        <translation>训练数据：模型看到的是否仍是它训练时的数据（单台设备总会与总体略有不同）。每台设备的前若干个预测：自安装模型以来设备是否发生了变化（对安装时已存在的差异无法察觉）。</translation>
    </message>
    <message>
        <source>Predictions of each device, after its model changes, that are not scored but become its own reference</source>
        <translation>每台设备在模型更换后的这些预测不参与评分，而是成为它自己的参考</translation>
    </message>
    <message>
        <source>The reference applies when the devices are watched again.</source>
        <translation>再次监视设备时此参考才生效。</translation>
    </message>
    <message>
        <source>Watching %1 for predictions (reference: each device&apos;s first %2 predictions)</source>
        <translation>正在监视 %1 的预测（参考：每台设备的前 %2 个预测）</translation>
    </message>
    <message>
        <source>%1: learning its own baseline, %2 of %3 predictions.</source>
        <translation>%1：正在学习自身基线，%2/%3 个预测。</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::LivePlotWidget</name>
    <message>
        <source>Channels</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>One chart</source>
        <translation>单个图表</translation>
    </message>
    <message>
        <source>Stacked</source>
        <translation>堆叠</translation>
    </message>
    <message>
        <source>One chart for every channel, or one chart per stream</source>
        <translation>所有通道一个图表，或每个数据流一个图表</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Time window shown while following live data</source>
        <translation>跟随实时数据时显示的时间窗口</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Freeze the view (Space); drag and wheel-zoom to look back through the history</source>
        <translation>冻结视图（空格键）；拖动并滚轮缩放以回看历史</translation>
    </message>
    <message>
        <source>Autoscale Y</source>
        <translation>Y 轴自动缩放</translation>
    </message>
    <message>
        <source>min </source>
        <translation>最小 </translation>
    </message>
    <message>
        <source>max </source>
        <translation>最大 </translation>
    </message>
    <message>
        <source>Lower bound of the Y axis when autoscale is off</source>
        <translation>关闭自动缩放时 Y 轴的下限</translation>
    </message>
    <message>
        <source>Upper bound of the Y axis when autoscale is off</source>
        <translation>关闭自动缩放时 Y 轴的上限</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>布局：</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>窗口：</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
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
        <translation>%1 (%2)，在 %3（版本 %4）上以种子 %5 训练</translation>
    </message>
    <message>
        <source>Its dataset has been removed.</source>
        <translation>其数据集已被删除。</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 微秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Accuracy on the test split</source>
        <translation>测试集上的准确率</translation>
    </message>
    <message>
        <source>Unweighted mean of the per-class F1 scores (test split)</source>
        <translation>各类别 F1 分数的算术平均（测试集）</translation>
    </message>
    <message>
        <source>Learned numbers the model holds</source>
        <translation>模型包含的学习参数数量</translation>
    </message>
    <message>
        <source>Size of the model file</source>
        <translation>模型文件大小</translation>
    </message>
    <message>
        <source>Median single-sample prediction time on this machine</source>
        <translation>本机上单个样本预测时间的中位数</translation>
    </message>
    <message>
        <source>Training time</source>
        <translation>训练时间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>模型族</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Macro-F1</source>
        <translation>宏 F1</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>延迟 p50</translation>
    </message>
    <message>
        <source>Train time</source>
        <translation>训练时间</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::PlacementView</name>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
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
        <translation>在线（竞争性）</translation>
    </message>
    <message>
        <source>fixed %1</source>
        <translation>固定 %1</translation>
    </message>
    <message>
        <source>Edge servers:</source>
        <translation>边缘服务器：</translation>
    </message>
    <message>
        <source>First sweep: the number of edge servers, from – to, step</source>
        <translation>第一组扫描：边缘服务器数量，起 – 止，步长</translation>
    </message>
    <message>
        <source>at tasks:</source>
        <translation>任务数：</translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Second sweep: the number of tasks, from – to, step</source>
        <translation>第二组扫描：任务数量，起 – 止，步长</translation>
    </message>
    <message>
        <source>at servers:</source>
        <translation>服务器数：</translation>
    </message>
    <message>
        <source>step </source>
        <translation>步长 </translation>
    </message>
    <message>
        <source>Seeds:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>One or more seeds, e.g. 1,2,3; the plots show the mean</source>
        <translation>一个或多个随机种子，例如 1,2,3；图中显示平均值</translation>
    </message>
    <message>
        <source>Layer profiles:</source>
        <translation>层性能剖析：</translation>
    </message>
    <message>
        <source>Measured (saved, built in)</source>
        <translation>实测（已保存，内置）</translation>
    </message>
    <message>
        <source>From file…</source>
        <translation>从文件…</translation>
    </message>
    <message>
        <source>Per-layer compute and output sizes of real LibTorch models: the measurement saved in tests/data/placement_profiles.json, or a file from edgewise-cli plan placement --save-profiles</source>
        <translation>真实 LibTorch 模型每层的计算时间和输出大小：保存在 tests/data/placement_profiles.json 中的测量结果，或由 edgewise-cli plan placement --save-profiles 生成的文件</translation>
    </message>
    <message>
        <source>&amp;Run simulation</source>
        <translation>运行模拟(&amp;R)</translation>
    </message>
    <message>
        <source>The paper&apos;s set-up: inputs 100 kB–1 MB, 5–10 layers, links 10 Mb/s–1 Gb/s, latency bound 0.2 s</source>
        <translation>论文的设置：输入 100 kB–1 MB，5–10 层，链路 10 Mb/s–1 Gb/s，延迟上限 0.2 s</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>tasks deployed at the edge</source>
        <translation>部署在边缘的任务数</translation>
    </message>
    <message>
        <source>Tasks at the edge vs edge servers (%1 tasks)</source>
        <translation>边缘任务数与边缘服务器数（%1 个任务）</translation>
    </message>
    <message>
        <source>edge servers</source>
        <translation>边缘服务器</translation>
    </message>
    <message>
        <source>Tasks at the edge vs tasks (%1 edge servers)</source>
        <translation>边缘任务数与任务数（%1 台边缘服务器）</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Press Run simulation to reproduce the paper&apos;s Figure 3 (Li, Ota, Dong, IEEE Network 2018) on the measured layer profiles.</source>
        <translation>点击“运行模拟”，用实测的层剖析复现论文的图 3（Li、Ota、Dong，IEEE Network 2018）。</translation>
    </message>
    <message>
        <source>Layer profiles</source>
        <translation>层性能剖析</translation>
    </message>
    <message>
        <source>Layer profiles (*.json);;All files (*)</source>
        <translation>层性能剖析 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Enter at least one seed (whole numbers, separated by commas).</source>
        <translation>请至少输入一个随机种子（整数，用逗号分隔）。</translation>
    </message>
    <message>
        <source>Each sweep needs a start no greater than its end.</source>
        <translation>每组扫描的起始值不能大于结束值。</translation>
    </message>
    <message>
        <source>Cannot read the layer profiles: %1</source>
        <translation>无法读取层性能剖析：%1</translation>
    </message>
    <message numerus="yes">
        <source>Placement simulation (%n run(s))</source>
        <translation>
            <numerusform>部署模拟（%n 次运行）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n simulation run(s)</source>
        <translation>
            <numerusform>%n 次模拟运行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1. At %2 tasks on %3 edge servers the offline algorithm deploys %4 at the edge, FIFO %5.</source>
        <translation>%1。在 %3 台边缘服务器上运行 %2 个任务时，离线算法在边缘部署 %4 个，FIFO 部署 %5 个。</translation>
    </message>
    <message>
        <source>Simulation cancelled.</source>
        <translation>模拟已取消。</translation>
    </message>
    <message>
        <source>Simulation failed: %1</source>
        <translation>模拟失败：%1</translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation>正在模拟…</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Edge servers</source>
        <translation>边缘服务器</translation>
    </message>
    <message>
        <source>Deployable</source>
        <translation>可部署</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::QuarantineView</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Select a row to see its error and payload</source>
        <translation>选择一行以查看其错误和负载</translation>
    </message>
    <message>
        <source>No project open: malformed payloads are counted (%1 this session) but not kept.</source>
        <translation>未打开项目：格式错误的负载只计数（本次会话 %1 条），不保存。</translation>
    </message>
    <message>
        <source>%1 malformed payloads kept in the project, %2 decode errors this session</source>
        <translation>项目中保存了 %1 条格式错误的负载，本次会话 %2 个解码错误</translation>
    </message>
    <message>
        <source>Could not read the quarantine: %1</source>
        <translation>无法读取隔离区：%1</translation>
    </message>
    <message>
        <source>
(%1 bytes)</source>
        <translation>
(%1 字节)</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::RecordingPanel</name>
    <message>
        <source>Record</source>
        <translation>录制</translation>
    </message>
    <message>
        <source>Recording name (optional)</source>
        <translation>录制名称（可选）</translation>
    </message>
    <message>
        <source>All subscribed topics</source>
        <translation>所有已订阅主题</translation>
    </message>
    <message>
        <source>Checked topics</source>
        <translation>已勾选的主题</translation>
    </message>
    <message>
        <source>Record every subscribed topic, or only those ticked in the topic tree</source>
        <translation>录制所有已订阅主题，或仅录制主题树中勾选的主题</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>导出 CSV...</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Rename the selected recording (F2 or double-click)</source>
        <translation>重命名所选录制（F2 或双击）</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>录制列表</translation>
    </message>
    <message>
        <source>Open or create a project first: recordings are stored in it.</source>
        <translation>请先打开或创建项目：录制内容保存在项目中。</translation>
    </message>
    <message>
        <source>No topic is checked in the topic tree: tick the topics to record, or choose &quot;All subscribed topics&quot;.</source>
        <translation>主题树中没有勾选任何主题：请勾选要录制的主题，或选择“所有已订阅主题”。</translation>
    </message>
    <message>
        <source>Could not start recording: %1</source>
        <translation>无法开始录制：%1</translation>
    </message>
    <message>
        <source>Recording started</source>
        <translation>录制已开始</translation>
    </message>
    <message>
        <source>Recording stopped with an error: %1</source>
        <translation>录制因错误而停止：%1</translation>
    </message>
    <message>
        <source>Recorded &quot;%1&quot;: %2 samples in %3 messages</source>
        <translation>已录制“%1”：%3 条消息中的 %2 个样本</translation>
    </message>
    <message>
        <source>● %1   %2 samples   %3 messages   %4 pending</source>
        <translation>● %1   %2 个样本   %3 条消息   %4 条待写入</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Open or create a project to record (File menu)</source>
        <translation>请打开或创建项目以进行录制（文件菜单）</translation>
    </message>
    <message>
        <source>Stop recording (Ctrl+R)</source>
        <translation>停止录制 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Start recording (Ctrl+R)</source>
        <translation>开始录制 (Ctrl+R)</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>Delete recording</source>
        <translation>删除录制</translation>
    </message>
    <message>
        <source>Delete the recording &quot;%1&quot; and all its samples? This cannot be undone.</source>
        <translation>删除录制“%1”及其所有样本？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <source>Export CSV %1</source>
        <translation>导出 CSV %1</translation>
    </message>
    <message>
        <source>Opening the project</source>
        <translation>正在打开项目</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Exporting to %1...</source>
        <translation>正在导出到 %1...</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::RecordingPoolDialog</name>
    <message>
        <source>Label windows of recordings</source>
        <translation>标注录制中的窗口</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录制</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>数据流</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>窗口数</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>(no time-series stream)</source>
        <translation>（无时间序列数据流）</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>raw window</source>
        <translation>原始窗口</translation>
    </message>
    <message>
        <source>The feature block of the Training pane that turns a window into the model&apos;s input</source>
        <translation>将窗口转换为模型输入的特征模块（与训练面板相同）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>窗口：</translation>
    </message>
    <message>
        <source>Stride:</source>
        <translation>步长：</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>特征：</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Each chosen stream is cut into windows; the queue asks for the windows the model needs and stores each label as a segment of its recording.</source>
        <translation>每个选定的数据流都会被切分为窗口；队列会请求模型最需要的窗口，并把每个标注保存为其录制上的片段。</translation>
    </message>
    <message>
        <source>The project has no recordings: record some in the Capture pane first.</source>
        <translation>项目中没有录制：请先在采集面板中录制。</translation>
    </message>
    <message>
        <source>Tick the recordings whose windows you want to label.</source>
        <translation>勾选要标注其窗口的录制。</translation>
    </message>
    <message>
        <source>No classes to label with: add at least two classes to the project&apos;s label schema (Timeline tab, class field) first.</source>
        <translation>没有可用于标注的类别：请先在项目的标注方案中添加至少两个类别（时间轴标签页的类别输入框）。</translation>
    </message>
    <message>
        <source>Tick at least two classes.</source>
        <translation>请至少勾选两个类别。</translation>
    </message>
    <message>
        <source>The window (%1 ms) is longer than every chosen recording.</source>
        <translation>窗口（%1 毫秒）比所有选定的录制都长。</translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) to label</source>
        <translation>
            <numerusform>%n 个窗口待标注</numerusform>
        </translation>
    </message>
    <message>
        <source>(shorter than one window, left out: %1)</source>
        <translation>（短于一个窗口，已跳过：%1）</translation>
    </message>
    <message>
        <source>Window and stride as in dataset %1, features as model %2 was trained with.</source>
        <translation>窗口和步长取自数据集 %1，特征与模型 %2 训练时相同。</translation>
    </message>
    <message>
        <source>Window and stride as in dataset %1.</source>
        <translation>窗口和步长取自数据集 %1。</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::RecordingsModel</name>
    <message>
        <source>Could not list the recordings: %1</source>
        <translation>无法列出录制：%1</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <source>A recording needs a name.</source>
        <translation>录制需要一个名称。</translation>
    </message>
    <message>
        <source>Could not rename the recording: %1</source>
        <translation>无法重命名录制：%1</translation>
    </message>
    <message>
        <source>Could not delete the recording: %1</source>
        <translation>无法删除录制：%1</translation>
    </message>
    <message>
        <source>The application stopped while recording; everything committed before is kept.</source>
        <translation>应用程序在录制时停止；此前已提交的内容均已保留。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>数据流</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::RequirementsDialog</name>
    <message>
        <source>Requirements per device class</source>
        <translation>各设备类别的要求</translation>
    </message>
    <message>
        <source>The plan gives each device the best variant that meets its class&apos;s limits. Empty cells mean no limit; class * applies to every class without a row of its own.</source>
        <translation>计划为每台设备选择满足其类别限制的最佳变体。空单元格表示无限制；类别 * 适用于所有没有单独行的类别。</translation>
    </message>
    <message>
        <source>Device class</source>
        <translation>设备类别</translation>
    </message>
    <message>
        <source>Min accuracy (0–1)</source>
        <translation>最低准确率（0–1）</translation>
    </message>
    <message>
        <source>Max latency ms</source>
        <translation>最大延迟 ms</translation>
    </message>
    <message>
        <source>Max RAM kB</source>
        <translation>最大内存 kB</translation>
    </message>
    <message>
        <source>Max flash kB</source>
        <translation>最大闪存 kB</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>&amp;Add class</source>
        <translation>添加类别(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>best effort</source>
        <translation>尽力而为</translation>
    </message>
    <message>
        <source>low latency</source>
        <translation>低延迟</translation>
    </message>
    <message>
        <source>Row %1: a device class is needed (* for every class).</source>
        <translation>第 %1 行：需要设备类别（* 表示所有类别）。</translation>
    </message>
    <message>
        <source>Row %1: numbers only in the limit columns.</source>
        <translation>第 %1 行：限制列中只能填数字。</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ReviewView</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>annotator %1</source>
        <translation>标注者 %1</translation>
    </message>
    <message numerus="yes">
        <source>Cohen&apos;s kappa %1: observed %2, expected %3 over %n frame(s)</source>
        <translation>
            <numerusform>Cohen kappa %1：观测 %2，期望 %3，共 %n 帧</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fleiss&apos; kappa (all annotators): %1 over %n frame(s)</source>
        <translation>
            <numerusform>Fleiss kappa（全部标注者）：%1，共 %n 帧</numerusform>
        </translation>
    </message>
    <message>
        <source>Agreement needs labels of two or more annotators on this recording.</source>
        <translation>计算一致性需要此录制上两名或更多标注者的标签。</translation>
    </message>
    <message>
        <source>Fleiss&apos; kappa: no frame labeled by every annotator.</source>
        <translation>Fleiss kappa：没有被所有标注者都标注的帧。</translation>
    </message>
    <message>
        <source>Start (s)</source>
        <translation>开始 (s)</translation>
    </message>
    <message>
        <source>End (s)</source>
        <translation>结束 (s)</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>裁决</translation>
    </message>
    <message>
        <source>resolved: %1</source>
        <translation>已裁决：%1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未决</translation>
    </message>
    <message>
        <source>%1: Accept %2&apos;s label</source>
        <translation>%1：采用 %2 的标签</translation>
    </message>
    <message>
        <source>Accept %1&apos;s label</source>
        <translation>采用 %1 的标签</translation>
    </message>
    <message numerus="yes">
        <source>Disagreements: %n open</source>
        <translation>
            <numerusform>分歧：%n 个未决</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resolved</source>
        <translation>
            <numerusform>%n 个已裁决</numerusform>
        </translation>
    </message>
    <message>
        <source>The annotators agree everywhere.</source>
        <translation>标注者在所有位置一致。</translation>
    </message>
    <message>
        <source>Up/Down: next disagreement; 1-9: accept that annotator&apos;s label; the adjudicated label is what datasets use.</source>
        <translation>上/下：下一个分歧；1-9：采用该标注者的标签；数据集使用裁决后的标签。</translation>
    </message>
    <message>
        <source>Enter your name in the Annotator field to adjudicate.</source>
        <translation>请在“标注者”字段中输入您的名字以进行裁决。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>%1 left this span unlabeled: use Relabel as… instead.</source>
        <translation>%1 未标注此区间：请改用“重新标注为…”。</translation>
    </message>
    <message>
        <source>Annotators: labels, active time, labels per hour</source>
        <translation>标注者：标签数、活跃时间、每小时标签数</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Active time</source>
        <translation>活跃时间</translation>
    </message>
    <message>
        <source>Labels/hour</source>
        <translation>标签/小时</translation>
    </message>
    <message>
        <source>Sum of the gaps between consecutive label edits, each capped at 5 minutes</source>
        <translation>相邻两次标签编辑之间的间隔之和，每个间隔最多计 5 分钟</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa per annotator pair</source>
        <translation>每对标注者的 Cohen kappa</translation>
    </message>
    <message>
        <source>Per-class agreement</source>
        <translation>各类别一致性</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Fleiss&apos; kappa</source>
        <translation>Fleiss kappa</translation>
    </message>
    <message>
        <source>Specific agreement</source>
        <translation>特定一致性</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Relabel as…</source>
        <translation>重新标注为…</translation>
    </message>
    <message>
        <source>Adjudicate the selected span as another class</source>
        <translation>将所选区间裁决为另一个类别</translation>
    </message>
    <message>
        <source>Select a disagreement to show it on the timeline; keys 1-9 accept that annotator&apos;s label</source>
        <translation>选择一个分歧以在时间轴上显示；按 1-9 采用该标注者的标签</translation>
    </message>
    <message>
        <source>Adjudicate %1-%2 s as %3</source>
        <translation>将 %1-%2 s 裁决为 %3</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::RobustnessView</name>
    <message>
        <source>Attack:</source>
        <translation>攻击：</translation>
    </message>
    <message>
        <source>FGSM: one gradient step; PGD: iterated steps projected onto the ε-ball (the stronger test); DeepFool and Carlini-Wagner: the smallest perturbation that flips each row</source>
        <translation>FGSM：单步梯度；PGD：投影到 ε 球上的多步迭代（更强的测试）；DeepFool 和 Carlini-Wagner：使每一行翻转的最小扰动</translation>
    </message>
    <message>
        <source>Norm:</source>
        <translation>范数：</translation>
    </message>
    <message>
        <source>How the size of a perturbation is measured (Carlini-Wagner is L2 only)</source>
        <translation>扰动大小的度量方式（Carlini-Wagner 仅支持 L2）</translation>
    </message>
    <message>
        <source>ε:</source>
        <translation>ε：</translation>
    </message>
    <message>
        <source>Comma-separated perturbation budgets, 0 included for the clean point</source>
        <translation>逗号分隔的扰动预算，包含 0 作为干净点</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>model input</source>
        <translation>模型输入</translation>
    </message>
    <message>
        <source>std per channel</source>
        <translation>每通道标准差</translation>
    </message>
    <message>
        <source>Model input: ε in the model&apos;s input units (images: pixels / 255). Std per channel: ε in standard deviations of each sensor channel (mixed units such as IMU). Auto picks model input for images.</source>
        <translation>模型输入：ε 以模型输入单位计（图像：像素 / 255）。每通道标准差：ε 以各传感器通道的标准差计（如 IMU 等混合单位）。自动：图像使用模型输入。</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <source>PGD iterations; DeepFool / Carlini-Wagner: maximum iterations</source>
        <translation>PGD 迭代次数；DeepFool / Carlini-Wagner：最大迭代次数</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>行数：</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Evenly spaced test rows to attack (all: the whole test split)</source>
        <translation>均匀间隔抽取的待攻击测试行（全部：整个测试集）</translation>
    </message>
    <message>
        <source>Fault curves</source>
        <translation>故障曲线</translation>
    </message>
    <message>
        <source>Accuracy under sensor noise, channel dropout, stuck-at values, clock skew, jitter and packet loss</source>
        <translation>在传感器噪声、通道丢失、卡滞值、时钟偏移、抖动和丢包下的准确率</translation>
    </message>
    <message>
        <source>Label-flip poisoning</source>
        <translation>标签翻转投毒</translation>
    </message>
    <message>
        <source>Retrains the model with 1-30% of its training labels flipped (slow: one training per fraction)</source>
        <translation>在翻转 1-30% 训练标签后重新训练模型（较慢：每个比例训练一次）</translation>
    </message>
    <message>
        <source>Run audit</source>
        <translation>运行审计</translation>
    </message>
    <message>
        <source>Attack the model at every ε (Ctrl+Return)</source>
        <translation>在每个 ε 下攻击模型（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Sanity check</source>
        <translation>合理性检查</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Adversarial examples</source>
        <translation>对抗样本</translation>
    </message>
    <message>
        <source>Robust accuracy against ε</source>
        <translation>鲁棒准确率随 ε 变化</translation>
    </message>
    <message>
        <source>Accuracy under IoT faults</source>
        <translation>IoT 故障下的准确率</translation>
    </message>
    <message>
        <source>Pick a model to audit: train one in the Training pane first.</source>
        <translation>请选择要审计的模型：先在“训练”面板中训练一个。</translation>
    </message>
    <message>
        <source>ε: %1</source>
        <translation>ε：%1</translation>
    </message>
    <message>
        <source>Robustness of %1 (%2)</source>
        <translation>%1 的鲁棒性（%2）</translation>
    </message>
    <message>
        <source>Clean accuracy %1%</source>
        <translation>干净准确率 %1%</translation>
    </message>
    <message>
        <source>, %1% at ε = %2</source>
        <translation>，ε = %2 时为 %1%</translation>
    </message>
    <message>
        <source>Robustness audit cancelled.</source>
        <translation>鲁棒性审计已取消。</translation>
    </message>
    <message>
        <source>Robustness audit failed: %1</source>
        <translation>鲁棒性审计失败：%1</translation>
    </message>
    <message>
        <source>✓ passed</source>
        <translation>✓ 通过</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ 失败</translation>
    </message>
    <message>
        <source>⚠ Gradient masking suspected: the robust accuracy below is probably an overestimate.</source>
        <translation>⚠ 疑似梯度掩蔽：下方的鲁棒准确率很可能被高估。</translation>
    </message>
    <message>
        <source>⚠ Sanity checks failed.</source>
        <translation>⚠ 合理性检查未通过。</translation>
    </message>
    <message>
        <source>No adversarial examples: this attack kept none.</source>
        <translation>没有对抗样本：此攻击未保留任何样本。</translation>
    </message>
    <message>
        <source>Run an audit to see adversarial examples.</source>
        <translation>运行审计以查看对抗样本。</translation>
    </message>
    <message>
        <source>%1 → %2 at ε = %3</source>
        <translation>%1 → %2（ε = %3）</translation>
    </message>
    <message>
        <source>True class %1; the model said %2 on the clean input and %3 on the perturbed one</source>
        <translation>真实类别 %1；模型对干净输入预测为 %2，对扰动输入预测为 %3</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>perturbed</source>
        <translation>扰动后</translation>
    </message>
    <message>
        <source>perturbation</source>
        <translation>扰动</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::SearchDialog</name>
    <message>
        <source>Search Hyper-parameters</source>
        <translation>搜索超参数</translation>
    </message>
    <message>
        <source>Random search</source>
        <translation>随机搜索</translation>
    </message>
    <message>
        <source>Successive halving</source>
        <translation>逐次减半</translation>
    </message>
    <message>
        <source>Every trial trains on the whole training split</source>
        <translation>每次试验都在整个训练集上训练</translation>
    </message>
    <message>
        <source>Many configurations on a small share of the data; the best third goes on with three times as much, up to the whole split</source>
        <translation>许多配置先在一小部分数据上训练；最好的三分之一以三倍的数据继续，直到使用整个训练集</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>No trial starts after this; the best model is then trained once more on the whole training split</source>
        <translation>超过此时间后不再开始新的试验；随后最佳模型会在整个训练集上再训练一次</translation>
    </message>
    <message>
        <source>Random search: trials; successive halving: configurations at the first rung</source>
        <translation>随机搜索：试验次数；逐次减半：第一级的配置数</translation>
    </message>
    <message>
        <source>Searches the default space of %1, scored by validation accuracy. The best configuration is registered as a model.</source>
        <translation>搜索 %1 的默认空间，按验证准确率评分。最佳配置将注册为模型。</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>方法(&amp;M)：</translation>
    </message>
    <message>
        <source>Time &amp;budget:</source>
        <translation>时间预算(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Trials at most:</source>
        <translation>最多试验次数(&amp;T)：</translation>
    </message>
    <message>
        <source>Start Search</source>
        <translation>开始搜索</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::SearchTrialsView</name>
    <message>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>Searched parameters</source>
        <translation>搜索的参数</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>The share of the training split the trial trained on (or its epochs); successive halving gives the best trials more</source>
        <translation>试验所用训练集的比例（或其轮数）；逐次减半会给最佳试验更多资源</translation>
    </message>
    <message>
        <source>trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>No search has run yet. Press Search... to start one.</source>
        <translation>尚未运行搜索。按“搜索...”开始。</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1 epochs</source>
        <translation>%1 个轮次</translation>
    </message>
    <message>
        <source>rung %1</source>
        <translation>第 %1 级</translation>
    </message>
    <message>
        <source>The best trial: its parameters trained the registered model</source>
        <translation>最佳试验：已注册的模型用其参数训练</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::StoreLabelModel</name>
    <message>
        <source>Enter your name in the Annotator field to label.</source>
        <translation>请在“标注者”栏中填写您的姓名后再标注。</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::ThumbnailStrip</name>
    <message>
        <source>No camera streams yet: image payloads (JPEG/PNG) appear here.</source>
        <translation>暂无摄像头数据流：图像负载（JPEG/PNG）会显示在这里。</translation>
    </message>
    <message>
        <source>The latest frame could not be decoded (%1, %2 bytes)</source>
        <translation>无法解码最新一帧（%1，%2 字节）</translation>
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
        <translation>创建标签</translation>
    </message>
    <message>
        <source>Delete label</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s) in the timestamps (longest %1 s)</source>
        <translation>
            <numerusform>时间戳中有 %n 处间隙（最长 %1 秒）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate timestamp(s)</source>
        <translation>
            <numerusform>%n 个重复的时间戳</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) back in time (shown sorted)</source>
        <translation>
            <numerusform>%n 次时间回退（已按顺序显示）</numerusform>
        </translation>
    </message>
    <message>
        <source>Timestamps: %1</source>
        <translation>时间戳：%1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>Relabel</source>
        <translation>重新标注</translation>
    </message>
    <message numerus="yes">
        <source>Relabel %n label(s)</source>
        <translation>
            <numerusform>重新标注 %n 个标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n label(s)</source>
        <translation>
            <numerusform>删除 %n 个标签</numerusform>
        </translation>
    </message>
    <message>
        <source>Resize label</source>
        <translation>调整标签大小</translation>
    </message>
    <message>
        <source>Frequency (Hz)</source>
        <translation>频率 (Hz)</translation>
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
        <translation>过滤主题</translation>
    </message>
    <message>
        <source>%1 topics, %2 messages, %3 decode errors</source>
        <translation>%1 个主题，%2 条消息，%3 个解码错误</translation>
    </message>
    <message>
        <source>%1: decoder chosen automatically</source>
        <translation>%1：自动选择解码器</translation>
    </message>
    <message>
        <source>%1: decoded as %2</source>
        <translation>%1：按 %2 解码</translation>
    </message>
    <message>
        <source>Decoder layout for %1</source>
        <translation>%1 的解码器布局</translation>
    </message>
    <message>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>ax, ay, az (optional)</source>
        <translation>ax, ay, az（可选）</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>通道：</translation>
    </message>
    <message>
        <source>Sample rate:</source>
        <translation>采样率：</translation>
    </message>
    <message>
        <source>Channel names:</source>
        <translation>通道名称：</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>绘图</translation>
    </message>
    <message>
        <source>Record this topic</source>
        <translation>录制此主题</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Copy topic</source>
        <translation>复制主题</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::TopicTreeModel</name>
    <message>
        <source>Last decode error: %1</source>
        <translation>最近的解码错误：%1</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>msg/s</source>
        <translation>消息/秒</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <source>Last payload</source>
        <translation>最近负载</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::TrainingPane</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Import...</source>
        <translation>导入...</translation>
    </message>
    <message>
        <source>Import a dataset into the project (Ctrl+I)</source>
        <translation>将数据集导入项目 (Ctrl+I)</translation>
    </message>
    <message>
        <source>The dataset to train on; it is split 70/15/15 into train, validation and test (stratified, by the seed)</source>
        <translation>用于训练的数据集；按种子分层划分为 70/15/15 的训练集、验证集和测试集</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Block:</source>
        <translation>特征块：</translation>
    </message>
    <message>
        <source>The feature block that turns each sample into the model&apos;s input</source>
        <translation>将每个样本转换为模型输入的特征块</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Family:</source>
        <translation>模型族：</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <source>Passes over the training split</source>
        <translation>遍历训练集的次数</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Seeds the split and the model: the same seed trains the same model</source>
        <translation>用于数据划分和模型的随机种子：相同的种子训练出相同的模型</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>&lt;family&gt; on &lt;dataset&gt;</source>
        <translation>&lt;模型族&gt; on &lt;数据集&gt;</translation>
    </message>
    <message>
        <source>Advanced hyper-parameters</source>
        <translation>高级超参数</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train a model with this setup and add it to the project (Ctrl+Return)</source>
        <translation>用此设置训练模型并添加到项目 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>No models yet. Pick a dataset and a model family, then press Train (Ctrl+Return).</source>
        <translation>还没有模型。选择数据集和模型族，然后按“训练”(Ctrl+Return)。</translation>
    </message>
    <message>
        <source>Selected model</source>
        <translation>所选模型</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Select a model above to see its confusion matrix.</source>
        <translation>在上方选择一个模型以查看其混淆矩阵。</translation>
    </message>
    <message>
        <source>Click a cell of the confusion matrix to see its samples.</source>
        <translation>点击混淆矩阵的单元格以查看其样本。</translation>
    </message>
    <message>
        <source>images %1 x %2 x %3</source>
        <translation>图像 %1 x %2 x %3</translation>
    </message>
    <message>
        <source>audio at %1 Hz</source>
        <translation>音频 %1 Hz</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) per row</source>
        <translation>
            <numerusform>每行 %n 个特征</numerusform>
        </translation>
    </message>
    <message>
        <source>time series</source>
        <translation>时间序列</translation>
    </message>
    <message>
        <source>%1 samples, %2 classes; %3</source>
        <translation>%1 个样本，%2 个类别；%3</translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>导入自 %1</translation>
    </message>
    <message>
        <source>default for this data</source>
        <translation>此数据的默认值</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>No sample to preview</source>
        <translation>没有可预览的样本</translation>
    </message>
    <message>
        <source>This sample is empty</source>
        <translation>此样本为空</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>No project is open. Create or open one with File &gt; New Project... or File &gt; Open Project...</source>
        <translation>没有打开的项目。请通过“文件 &gt; 新建项目...”或“文件 &gt; 打开项目...”创建或打开项目。</translation>
    </message>
    <message>
        <source>This project has no datasets yet. Import one with File &gt; Import Dataset... (Ctrl+I), e.g. OpenCV&apos;s digits.png.</source>
        <translation>此项目还没有数据集。请通过“文件 &gt; 导入数据集...”(Ctrl+I) 导入，例如 OpenCV 的 digits.png。</translation>
    </message>
    <message>
        <source>A training run is already going.</source>
        <translation>已有训练正在进行。</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>请先打开或创建项目。</translation>
    </message>
    <message>
        <source>Import a dataset first (File &gt; Import Dataset...).</source>
        <translation>请先导入数据集（文件 &gt; 导入数据集...）。</translation>
    </message>
    <message>
        <source>Train %1 on %2</source>
        <translation>在 %2 上训练 %1</translation>
    </message>
    <message>
        <source>Trained %1: test accuracy %2%, macro-F1 %3</source>
        <translation>已训练 %1：测试准确率 %2%，宏 F1 %3</translation>
    </message>
    <message>
        <source>Training cancelled; nothing was stored.</source>
        <translation>训练已取消；未保存任何内容。</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation>正在启动...</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>正在取消...</translation>
    </message>
    <message>
        <source>%1: test accuracy %2%, macro-F1 %3, %4 test samples</source>
        <translation>%1：测试准确率 %2%，宏 F1 %3，%4 个测试样本</translation>
    </message>
    <message>
        <source>Evaluate %1</source>
        <translation>评估 %1</translation>
    </message>
    <message>
        <source>Test accuracy %1%</source>
        <translation>测试准确率 %1%</translation>
    </message>
    <message>
        <source>Could not evaluate: %1</source>
        <translation>无法评估：%1</translation>
    </message>
    <message>
        <source>Evaluating the model on its test split...</source>
        <translation>正在测试集上评估模型...</translation>
    </message>
    <message>
        <source>Sample %1 from %2</source>
        <translation>样本 %1，来自 %2</translation>
    </message>
    <message>
        <source>(the first %1 shown)</source>
        <translation>（显示前 %1 个）</translation>
    </message>
    <message>
        <source>Export Model File</source>
        <translation>导出模型文件</translation>
    </message>
    <message>
        <source>Delete Model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Delete the model &quot;%1&quot; from the project? This cannot be undone.</source>
        <translation>要从项目中删除模型“%1”吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Export Model File...</source>
        <translation>导出模型文件...</translation>
    </message>
    <message>
        <source>Right-click a model to export or delete it</source>
        <translation>右键单击模型以导出或删除</translation>
    </message>
    <message>
        <source>Model deleted.</source>
        <translation>模型已删除。</translation>
    </message>
    <message>
        <source>Model written to %1</source>
        <translation>模型已写入 %1</translation>
    </message>
    <message>
        <source>Stop training or the search; nothing is stored (Esc)</source>
        <translation>停止训练或搜索；不保存任何内容 (Esc)</translation>
    </message>
    <message>
        <source>Search trials</source>
        <translation>搜索试验</translation>
    </message>
    <message>
        <source>Search...</source>
        <translation>搜索...</translation>
    </message>
    <message>
        <source>Search the family&apos;s hyper-parameters under a time budget and add the best model to the project (Ctrl+Shift+Return)</source>
        <translation>在时间预算内搜索该模型族的超参数，并将最佳模型添加到项目 (Ctrl+Shift+Return)</translation>
    </message>
    <message numerus="yes">
        <source>Searching %1 on %2 (%3, %4 s, at most %n trial(s))...</source>
        <translation>
            <numerusform>正在 %2 上搜索 %1（%3，%4 秒，最多 %n 次试验）...</numerusform>
        </translation>
    </message>
    <message>
        <source>successive halving</source>
        <translation>逐次减半</translation>
    </message>
    <message>
        <source>random search</source>
        <translation>随机搜索</translation>
    </message>
    <message>
        <source>Search %1 on %2</source>
        <translation>在 %2 上搜索 %1</translation>
    </message>
    <message numerus="yes">
        <source>Searched %n trial(s) in %1 s; best validation accuracy %2, test accuracy %3% (%4)</source>
        <translation>
            <numerusform>%1 秒内完成 %n 次试验；最佳验证准确率 %2，测试准确率 %3%（%4）</numerusform>
        </translation>
    </message>
    <message>
        <source>Search cancelled; nothing was stored.</source>
        <translation>搜索已取消；未保存任何内容。</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>The time budget ended the search.</source>
        <translation>时间预算已用完，搜索结束。</translation>
    </message>
    <message numerus="yes">
        <source>%n test samples of class %1 classified correctly</source>
        <translation>
            <numerusform>类别 %1 的 %n 个测试样本分类正确</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n test samples of class %1 predicted as %2</source>
        <translation>
            <numerusform>类别 %1 的 %n 个测试样本被预测为 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>; labels from the Labeling pane: %1 by annotators, %2 adjudicated, %3 samples left out (unresolved disagreement or unknown class)</source>
        <translation>；来自标注面板的标签：%1 个来自标注员，%2 个经裁决，%3 个样本被排除（未解决的分歧或未知类别）</translation>
    </message>
</context>
<context>
    <name>edgewise::gui::VariantsTableModel</name>
    <message>
        <source>(parent: %1)</source>
        <translation>（父模型：%1）</translation>
    </message>
    <message>
        <source>Model file size divided by the parent&apos;s</source>
        <translation>模型文件大小除以父模型的文件大小</translation>
    </message>
    <message>
        <source>Test accuracy minus the parent&apos;s, in percentage points</source>
        <translation>测试准确率减去父模型的测试准确率，单位为百分点</translation>
    </message>
    <message>
        <source>Single-sample p50 latency divided by the parent&apos;s (above 1: slower)</source>
        <translation>单样本 p50 延迟除以父模型的延迟（大于 1：更慢）</translation>
    </message>
    <message>
        <source>Estimate for the C99 export on a microcontroller</source>
        <translation>C99 导出在微控制器上的估计值</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Method / recipe</source>
        <translation>方法 / 配方</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Size ratio</source>
        <translation>大小比</translation>
    </message>
    <message>
        <source>Non-zero params</source>
        <translation>非零参数</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Δ points</source>
        <translation>Δ 百分点</translation>
    </message>
    <message>
        <source>Macro-F1</source>
        <translation>宏 F1</translation>
    </message>
    <message>
        <source>p50 µs</source>
        <translation>p50 微秒</translation>
    </message>
    <message>
        <source>p99 µs</source>
        <translation>p99 微秒</translation>
    </message>
    <message>
        <source>Latency ratio</source>
        <translation>延迟比</translation>
    </message>
    <message>
        <source>MCU flash</source>
        <translation>MCU 闪存</translation>
    </message>
    <message>
        <source>MCU RAM</source>
        <translation>MCU 内存</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
</context>
</TS>
