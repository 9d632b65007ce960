# 场地（`[site]`，以及 `[audience]` 的观众禁飞区）：节目文件的错误。

site-not-simple = `{ $what }` 不是简单多边形
site-not-simple-hint = 按区域周边顺序给出 3 个或更多角点 `[x, y]`（米），各边不得相交或相接
site-boundary-misses-takeoff = 起飞位 { $slot }（{ $x }, { $y }）在 `[site] boundary` 之外
site-boundary-misses-takeoff-hint = 每架无人机都须停在边界之内：扩大边界，或移动 `[fleet.grid] center`
site-exclusion-over-takeoff = 禁飞区 `{ $name }` 覆盖了起飞位 { $slot }（{ $x }, { $y }）
site-exclusion-over-takeoff-hint = 无人机不得停在禁飞区内：移动该区域或 `[fleet.grid] center`
site-audience-over-takeoff = 观众禁飞区（观众区加 `buffer_m` = { $buffer } 米）覆盖了起飞位 { $slot }（{ $x }, { $y }）
site-audience-over-takeoff-hint = 将 `[fleet.grid] center` 移离观众，减小 `[audience] buffer_m`，或设 `[audience] no_fly = false`
site-front-in-audience = 燃放位 `{ $name }`（{ $x }, { $y }）位于观众区内
site-front-in-audience-hint = 燃放阵地应在观众前方，不能在观众之中：移动阵地或观众的 `line`/`zone`
site-label-polygon = 此多边形
