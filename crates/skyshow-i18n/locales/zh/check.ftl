# 校验结果（`build` 与 `check`）：各类违规的名称。

violation-min_distance = 安全间距不足
violation-speed_xy = 水平速度超限
violation-speed_up = 上升速度超限
violation-speed_down = 下降速度超限
violation-acceleration = 加速度超限
violation-velocity_step = 速度突变超限
violation-altitude = 高度超限
violation-sideways_below_min_nav_altitude = 低于最低导航高度时横向移动
violation-takeoff_spacing = 起飞间距不足
violation-outside_boundary = 飞出场地边界
violation-in_exclusion_zone = 进入禁飞区
violation-flight_time = 飞行时间超过电池续航
violation-trajectory_too_large = 航迹数据超出容量
violation-light_program_too_large = 灯光程序超出容量
