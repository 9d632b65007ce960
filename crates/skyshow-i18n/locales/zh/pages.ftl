# report.html：可视化安全报告。

report-page-title = { $title } · skyshow 安全报告
report-facts = { $drones } 架无人机 · 时长 { $duration }
report-open-preview = 打开三维预览
report-card-violations = 违规
report-card-none = 无
report-card-min-distance = 最小间距（限值 { $limit } m）
report-card-speed-xy = 最大水平速度（限值 { $limit } m/s）
report-card-speed-z = 最大垂直速度（限值 { $limit } m/s）
report-card-flight = 最长飞行时间（电池续航 { $battery }）

## 各节标题
report-section-timeline = 时间轴
report-section-separation = 无人机间最小间距
report-section-speed = 速度
report-section-transitions = 队形变换：时长与理论下限
report-section-flight-time = 单机飞行时间
report-section-fireworks = 烟花
report-section-formations = 编队（观众视角）
report-section-violations = 违规
report-section-limits = 安全限值

## 坐标轴与图表说明
report-axis-show-time = 演出时间
report-axis-burst-time = 开花时间
report-axis-time-in-air = 留空时间
report-axis-drones = 架数
report-axis-seconds = 秒
report-timeline-aria = 编队、队形变换与烟花的时间轴
report-timeline-note = 上行：起飞、编队（彩色）、队形变换（灰色）、降落。下行：各烟花开花，按其颜色绘制。鼠标悬停可查看名称。
report-timeline-emergency-note = 其上：紧急返航条目，每秒一个（绿色：在该秒内任意时刻触发均已证明安全；红色：未证明），最上方为原地垂直降落不会碰撞的时段（蓝色；竖直画面期间从不安全）。
report-rth-band = 紧急返航条目，安全
report-rth-band-unsafe = 紧急返航条目，未证明安全
report-land-in-place-band = 原地降落安全

## 间距
report-no-separation = 未测得间距数据。
report-limit-m = 限值 { $limit } m
report-separation-aria = 最小间距随时间变化
report-separation-note = 每个时间窗内任意两架空中无人机之间的最小距离（按连续时间精确计算）。空白处：没有足够接近、需要计算的机对。高于 { $top } m 的数值画在图顶。

## 速度
report-no-speeds = 未测得速度数据。
report-limit-xy = 水平限值 { $limit } m/s
report-limit-up-down = 升降限值 { $limit } m/s
report-limit-climb = 上升限值 { $limit } m/s
report-limit-descent = 下降限值 { $limit } m/s
report-speed-xy-aria = 最大水平速度随时间变化
report-speed-z-aria = 最大垂直速度随时间变化
report-speed-xy-heading = 水平
report-speed-z-heading = 垂直（上升或下降）
report-speeds-note = 每个时间窗内所有无人机中的最大速度。
report-motion-heading = 运动编队“{ $formation }”（{ $kinds }），{ $start } 至 { $end }
report-motion-aria = { $formation } 保持期间的速度
report-motion-key-xy = 水平
report-motion-key-up = 上升
report-motion-key-down = 下降
report-motion-more = 另有 { $count } 个运动编队未绘图。
report-motion-note = 每个运动编队的保持期间：在 { $moments } 个时刻上所有无人机中的最大水平速度、上升速度与下降速度，按无人机实际飞行的轨迹（导出的曲线）计算。

## 队形变换
report-no-transitions = 没有队形变换。
report-transition-tip = { $name }：{ $duration } s，自 { $start } 开始（理论下限 { $bound } s）
report-transition-tip-ratio = { $name }：{ $duration } s，自 { $start } 开始（理论下限 { $bound } s，为下限的 { $ratio } 倍）
report-transitions-aria = 各段队形变换时长
report-transitions-note = 条形：规划时长。深色刻线：理论下限（任何安全的变换都不可能更短）。鼠标悬停在条形上可查看数值。

## 飞行时间
report-no-flight-times = 未测得飞行时间。
report-flight-bin-tip = { $count } 架无人机飞行 { $from }–{ $to }
report-battery = 电池续航 { $battery }
report-flight-aria = 单机飞行时间分布直方图
report-flight-note = 共 { $count } 架无人机；最长飞行 { $longest }，电池续航 { $battery }。
report-flight-over = { $count } 架超出电池续航。

## 烟花
report-no-fireworks = 本场演出没有烟花。
report-burst-tip = { $label } · { $time }，高度 { $height } m，半径 { $radius } m
report-fireworks-aria = 烟花时间轴
report-fireworks-note = 共 { $count } 发，按开花时间与高度排列；圆的大小对应开花半径。

## 编队
report-no-formations = 没有编队。
report-no-drone-in-air = 空中没有无人机
report-more-formations = 另有 { $count } 个编队未显示。
report-formations-note = 每个编队取其悬停时段的中点，从观众一侧平视。点击即可在该时刻打开预览。

## 违规
report-no-violations = 无违规：整场演出均在飞行包线之内。
report-violations-count = 违规 { $count } 项。点击时间即可打开预览并暂停在该时刻。
report-col-time = 时间
report-col-kind = 类型
report-col-drones = 无人机
report-col-value = 实测值
report-col-limit = 限值
report-col-source = 出处
report-more-drones = 另有 { $count } 架
report-more-violations = 另有 { $count } 项未列出。

## 安全限值
report-limit-row-min-distance = 最小间距
report-limit-row-speed-xy = 水平速度
report-limit-row-climb = 上升速度
report-limit-row-descent = 下降速度
report-limit-row-accel = 加速度
report-limit-row-altitude = 高度
report-limit-row-min-nav-altitude = 最低导航高度
report-limit-row-battery = 电池续航
report-limit-row-takeoff-spacing = 起飞间距

## 演出阶段（报告与预览的时间轴、预览的状态栏）
phase-takeoff = 起飞
phase-landing = 降落
phase-formation = 编队“{ $name }”
phase-transition = 队形变换 { $route }

## 场地平面图
report-section-site = 场地平面图（俯视）
report-site-aria = 俯视场地平面图：演出范围、起飞方阵、场地边界、禁入区、观众禁飞区、观众区与发射阵地
report-site-note = 从正上方俯视，观众在下方；箭头表示演出坐标系的 X 轴与 Y 轴。无人机在任何时刻都留在边界之内，不进入禁入区和禁飞区（由校验器检查）。
report-site-extent = 演出范围（无人机所及之处）
report-site-takeoff = 起飞方阵
report-site-boundary = 场地边界
report-site-exclusion = 禁入区
report-site-no-fly = 观众禁飞区（观众区外扩 { $buffer } m）
report-site-audience = 观众区
report-site-front = 发射阵地
