//! `AccessorData`: a glTF accessor read into plain numbers with every bound checked first —
//! the buffer view inside its buffer, each element inside its view, strides, counts,
//! sparse substitutions (indices in range and increasing) and normalised integers — so a
//! broken or hostile file is an error, never a panic or a huge allocation.

use gltf::json::Accessor;
use gltf::json::Root;
use gltf::json::accessor::sparse::Sparse;
use gltf::json::accessor::{ComponentType, Type};
use gltf::json::validation::Checked;
use skyshow_i18n::{Message, msg};

/// Most elements an accessor may hold without a buffer view to bound it.
const MAX_UNBACKED: usize = 1 << 24;

/// The component types and element types a use of an accessor allows.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Allowed {
    /// Element types (`SCALAR`, `VEC3`, …).
    pub(crate) types: &'static [Type],
    /// Float components.
    pub(crate) float: bool,
    /// Normalised integer components (`normalized: true`), of these types.
    pub(crate) normalized: &'static [ComponentType],
    /// Plain integer components (`normalized: false`), of these types.
    pub(crate) integer: &'static [ComponentType],
}

impl Allowed {
    /// Floats only, of one element type.
    pub(crate) const fn floats(types: &'static [Type]) -> Allowed {
        Allowed {
            types,
            float: true,
            normalized: &[],
            integer: &[],
        }
    }
}

/// An accessor's elements, each `width` numbers.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct AccessorData {
    /// The numbers, element after element.
    pub(crate) values: Vec<f64>,
    /// Numbers per element.
    pub(crate) width: usize,
}

impl AccessorData {
    /// Element `i`.
    pub(crate) fn get(&self, i: usize) -> &[f64] {
        &self.values[i * self.width..(i + 1) * self.width]
    }
}

/// Reads accessor `index` of `root`, whose buffers' bytes are `buffers`, for a use that
/// allows `allowed`; `expected` is the element count the use needs, when it knows it. The
/// error says what is wrong, to be put after the accessor's use ("the joints (accessor 4)
/// …").
pub(crate) fn read(
    root: &Root,
    buffers: &[Vec<u8>],
    index: usize,
    allowed: Allowed,
    expected: Option<usize>,
) -> Result<AccessorData, Message> {
    let Some(acc) = root.accessors.get(index) else {
        return Err(msg!(
            "gltf-acc-missing",
            index = index,
            accessors = root.accessors.len()
        ));
    };
    let (ct, ty) = kind(acc, allowed)?;
    let count = usize::try_from(acc.count.0).map_err(|_| msg!("gltf-acc-too-many"))?;
    if let Some(want) = expected
        && count != want
    {
        return Err(msg!("gltf-acc-count", count = count, want = want));
    }
    let width = ty.multiplicity();
    let mut values = dense_values(root, buffers, acc, ct, count, width)?;
    if let Some(sparse) = &acc.sparse {
        let element = (ct, acc.normalized, width);
        apply_sparse(root, buffers, sparse, element, count, &mut values)?;
    }
    Ok(AccessorData { values, width })
}

/// The accessor's component type and element type, refused unless `allowed`.
fn kind(acc: &Accessor, allowed: Allowed) -> Result<(ComponentType, Type), Message> {
    let (Checked::Valid(ct), Checked::Valid(ty)) = (&acc.component_type, &acc.type_) else {
        return Err(msg!("gltf-acc-type-undefined"));
    };
    let (ct, ty) = (ct.0, *ty);
    let type_ok = allowed.types.contains(&ty);
    let comp_ok = match ct {
        ComponentType::F32 => allowed.float && !acc.normalized,
        c if acc.normalized => allowed.normalized.contains(&c),
        c => allowed.integer.contains(&c),
    };
    if !type_ok || !comp_ok {
        let kind = format!("{ct:?} {ty:?}");
        return Err(if acc.normalized {
            msg!("gltf-acc-type-normalised-not-allowed", kind = kind)
        } else {
            msg!("gltf-acc-type-not-allowed", kind = kind)
        });
    }
    Ok((ct, ty))
}

/// The accessor's values from its buffer view (`count` elements of `width` components, at the
/// view's stride), or zeros when it has none (sparse values then fill it).
fn dense_values(
    root: &Root,
    buffers: &[Vec<u8>],
    acc: &Accessor,
    ct: ComponentType,
    count: usize,
    width: usize,
) -> Result<Vec<f64>, Message> {
    let size = ct.size() * width;
    Ok(match acc.buffer_view {
        Some(view) => {
            let offset = acc.byte_offset.map_or(0, |o| o.0);
            let (bytes, stride) = view_bytes(root, buffers, view.value(), size)?;
            let offset = usize::try_from(offset).map_err(|_| msg!("gltf-acc-starts-past-view"))?;
            let end = count
                .checked_sub(1)
                .and_then(|c| c.checked_mul(stride))
                .and_then(|n| n.checked_add(offset))
                .and_then(|n| n.checked_add(size));
            match end {
                Some(e) if e <= bytes.len() => {}
                _ if count == 0 => {}
                _ => {
                    return Err(msg!(
                        "gltf-acc-past-view",
                        count = count,
                        stride = stride,
                        offset = offset,
                        length = bytes.len()
                    ));
                }
            }
            let mut values = Vec::with_capacity(count * width);
            for k in 0..count {
                let at = offset + k * stride;
                decode(&bytes[at..at + size], ct, acc.normalized, &mut values);
            }
            values
        }
        None => {
            if count > MAX_UNBACKED {
                return Err(msg!("gltf-acc-unbacked", count = count, max = MAX_UNBACKED));
            }
            vec![0.0; count * width]
        }
    })
}

/// Writes the sparse substitutions into `values` (`count` elements of `width` components of
/// type `ct`, normalised or not), each index checked in range and strictly increasing.
fn apply_sparse(
    root: &Root,
    buffers: &[Vec<u8>],
    sparse: &Sparse,
    (ct, normalized, width): (ComponentType, bool, usize),
    count: usize,
    values: &mut [f64],
) -> Result<(), Message> {
    let size = ct.size() * width;
    let n = usize::try_from(sparse.count.0).unwrap_or(usize::MAX);
    if n > count {
        return Err(msg!("gltf-acc-sparse-count", sparse = n, count = count));
    }
    let Checked::Valid(ict) = &sparse.indices.component_type else {
        return Err(msg!("gltf-acc-sparse-type-undefined"));
    };
    let ict = ict.0;
    if !matches!(
        ict,
        ComponentType::U8 | ComponentType::U16 | ComponentType::U32
    ) {
        return Err(msg!("gltf-acc-sparse-type", kind = format!("{ict:?}")));
    }
    let isize_ = ict.size();
    let (ibytes, _) = view_bytes(root, buffers, sparse.indices.buffer_view.value(), isize_)?;
    let (vbytes, _) = view_bytes(root, buffers, sparse.values.buffer_view.value(), size)?;
    let ioff = usize::try_from(sparse.indices.byte_offset.0).unwrap_or(usize::MAX);
    let voff = usize::try_from(sparse.values.byte_offset.0).unwrap_or(usize::MAX);
    let fits = |off: usize, each: usize, len: usize| {
        n.checked_mul(each)
            .and_then(|b| b.checked_add(off))
            .is_some_and(|e| e <= len)
    };
    if !fits(ioff, isize_, ibytes.len()) || !fits(voff, size, vbytes.len()) {
        return Err(msg!("gltf-acc-sparse-past-view", sparse = n));
    }
    let mut last: Option<usize> = None;
    let mut element = Vec::with_capacity(width);
    for k in 0..n {
        let at = ioff + k * isize_;
        let raw = &ibytes[at..at + isize_];
        let i = match ict {
            ComponentType::U8 => raw[0] as usize,
            ComponentType::U16 => u16::from_le_bytes([raw[0], raw[1]]) as usize,
            _ => u32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]) as usize,
        };
        if i >= count || last.is_some_and(|l| i <= l) {
            return Err(msg!("gltf-acc-sparse-index", index = i, count = count));
        }
        last = Some(i);
        element.clear();
        let at = voff + k * size;
        decode(&vbytes[at..at + size], ct, normalized, &mut element);
        values[i * width..(i + 1) * width].copy_from_slice(&element);
    }
    Ok(())
}

/// The bytes of buffer view `view` and its stride for elements of `size` bytes.
fn view_bytes<'b>(
    root: &Root,
    buffers: &'b [Vec<u8>],
    view: usize,
    size: usize,
) -> Result<(&'b [u8], usize), Message> {
    let Some(v) = root.buffer_views.get(view) else {
        return Err(msg!(
            "gltf-acc-view-missing",
            view = view,
            views = root.buffer_views.len()
        ));
    };
    let Some(buffer) = buffers.get(v.buffer.value()) else {
        return Err(msg!("gltf-acc-buffer-missing", buffer = v.buffer.value()));
    };
    let start = usize::try_from(v.byte_offset.map_or(0, |o| o.0)).unwrap_or(usize::MAX);
    let len = usize::try_from(v.byte_length.0).unwrap_or(usize::MAX);
    let Some(bytes) = start
        .checked_add(len)
        .and_then(|end| buffer.get(start..end))
    else {
        return Err(msg!(
            "gltf-acc-view-past-buffer",
            view = view,
            length = len,
            start = start,
            bytes = buffer.len()
        ));
    };
    let stride = v.byte_stride.map_or(size, |s| s.0);
    if stride < size {
        return Err(msg!("gltf-acc-stride", stride = stride, size = size));
    }
    Ok((bytes, stride))
}

/// Appends the numbers of one element (little-endian components) to `out`.
fn decode(raw: &[u8], ct: ComponentType, normalized: bool, out: &mut Vec<f64>) {
    let each = ct.size();
    for c in raw.chunks_exact(each) {
        let v = match ct {
            ComponentType::F32 => f64::from(f32::from_le_bytes([c[0], c[1], c[2], c[3]])),
            ComponentType::U32 => f64::from(u32::from_le_bytes([c[0], c[1], c[2], c[3]])),
            ComponentType::I8 if normalized => (f64::from(c[0] as i8) / 127.0).max(-1.0),
            ComponentType::I8 => f64::from(c[0] as i8),
            ComponentType::U8 if normalized => f64::from(c[0]) / 255.0,
            ComponentType::U8 => f64::from(c[0]),
            ComponentType::I16 => {
                let v = f64::from(i16::from_le_bytes([c[0], c[1]]));
                if normalized {
                    (v / 32767.0).max(-1.0)
                } else {
                    v
                }
            }
            ComponentType::U16 => {
                let v = f64::from(u16::from_le_bytes([c[0], c[1]]));
                if normalized { v / 65535.0 } else { v }
            }
        };
        out.push(v);
    }
}
