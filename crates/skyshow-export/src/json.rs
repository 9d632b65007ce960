//! Small helpers for writing JSON numbers at a fixed precision.

use serde_json::Value;

/// `x` rounded to `decimals` places, as a JSON number (non-finite numbers become `null`).
pub(crate) fn num(x: f64, decimals: i32) -> Value {
    if !x.is_finite() {
        return Value::Null;
    }
    let k = 10f64.powi(decimals);
    let r = (x * k).round() / k;
    // Avoid "-0".
    let r = if r == 0.0 { 0.0 } else { r };
    serde_json::Number::from_f64(r).map_or(Value::Null, Value::Number)
}
