// The map: the server's own drawing (map.svg, shown as an image from a blob URL, never as
// markup), with hit areas from the layout route, zoom and pan by mouse and keyboard, and a
// person dragged to pin them there (onPin, in the layout's coordinates). A new revision is
// first painted from a screenful of the same drawing (map.png of the part on screen, quick to
// draw and to paint), shown in the image's place until the whole new SVG has come.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, viewQuery } from '../api/client';
import type { ScreenArea } from '../api/client';
import type { MapLayout, MapViewOptions } from '../api/types';

interface View {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function MapView({
  mapId,
  revision,
  title,
  selected,
  onSelect,
  nameOf,
  shows = {},
  onPin,
  onLayout,
}: {
  mapId: string;
  revision: number;
  title: string;
  selected: string | null;
  onSelect: (id: string) => void;
  nameOf: (id: string) => string;
  /** The view drawn (as-of date, disclosure copy, ecomap); the hit areas follow the same one. */
  shows?: MapViewOptions;
  /** A person dropped at (x, y), layout coordinates: pin them there. */
  onPin?: (id: string, x: number, y: number) => void;
  /** The geometry now on screen (for the panel's pin controls). */
  onLayout?: (layout: MapLayout) => void;
}) {
  const [url, setUrl] = useState('');
  const [quick, setQuick] = useState<{ url: string; area: ScreenArea; revision: number } | null>(null);
  const [layout, setLayout] = useState<MapLayout | null>(null);
  const [failed, setFailed] = useState(false);
  const [view, setView] = useState<View | null>(null);
  const [dragging, setDragging] = useState(false);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean } | null>(null);
  const shownKey = viewQuery(undefined, shows);
  const drawnKey = useRef(shownKey);
  // A person being dragged: where the pointer started and how far they have come (page units).
  const [moving, setMoving] = useState<{ id: string; x: number; y: number; dx: number; dy: number; unit: number; pointer: number; captured: boolean } | null>(null);

  // A drawing's blob URL is given up only once the image shows a newer one (or the map is gone):
  // revoked while the image still showed it, Chromium may load it again and find nothing.
  const made = useRef<string[]>([]);
  const release = (keep: string) => {
    for (const u of made.current) if (u !== keep) URL.revokeObjectURL(u);
    made.current = made.current.filter((u) => u === keep);
  };
  useEffect(() => () => { setTimeout(() => release(''), 0); }, []);
  const quickMade = useRef<string[]>([]);
  // Screenfuls still being decoded: their URLs are let go once decoded, not before (a URL let go
  // under a decode fails it, with an error in the console).
  const decoding = useRef(new Set<string>());
  const releaseQuick = () => {
    for (const u of quickMade.current) if (!decoding.current.has(u)) URL.revokeObjectURL(u);
    quickMade.current = quickMade.current.filter((u) => decoding.current.has(u));
  };
  useEffect(() => () => { setTimeout(() => releaseQuick(), 0); }, []);
  // "peermap:map-painted" once a revision and view is first on screen, whichever drawing it was.
  const painted = useRef('');
  const markPainted = (shown: number, screenful: boolean) => {
    const key = `${shown} ${shownKey}`;
    if (painted.current === key) return;
    painted.current = key;
    performance.mark('peermap:map-painted', { detail: { revision: shown, screenful } });
  };

  // The part of the page on screen, in points, and its width in device pixels (at most 4,096
  // each way, as the server draws): what a screenful of the next revision shows.
  const viewRef = useRef<View | null>(null);
  const layoutRef = useRef<MapLayout | null>(null);
  viewRef.current = view;
  layoutRef.current = layout;
  const screenArea = (): ScreenArea | null => {
    const svg = svgRef.current;
    const v = viewRef.current;
    const page = layoutRef.current?.page;
    if (!svg || !v || !page) return null;
    const box = svg.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return null;
    const perPoint = Math.min(box.width / v.w, box.height / v.h); // CSS pixels a point
    const cx = v.x + v.w / 2;
    const cy = v.y + v.h / 2;
    const x0 = Math.max(0, cx - box.width / perPoint / 2);
    const y0 = Math.max(0, cy - box.height / perPoint / 2);
    const x1 = Math.min(page.width, cx + box.width / perPoint / 2);
    const y1 = Math.min(page.height, cy + box.height / perPoint / 2);
    if (x1 - x0 < 1 || y1 - y0 < 1) return null;
    const most = Math.floor(Math.min(4096, (4096 * (x1 - x0)) / (y1 - y0)));
    const pixels = Math.max(1, Math.min(most, Math.ceil((x1 - x0) * perPoint * (window.devicePixelRatio || 1))));
    const at = (n: number) => Math.round(n * 100) / 100;
    return { x: at(x0), y: at(y0), w: Math.floor((x1 - x0) * 100) / 100, h: Math.floor((y1 - y0) * 100) / 100, pixels };
  };
  useEffect(() => api.showing(screenArea), []);

  // The screenful of the revision coming is on screen (a frame after its image loaded): only then
  // is the whole SVG asked for, so that drawing it (the server) and parsing it (the browser) do
  // not hold up the screenful's own paint on a machine of two cores.
  const quickShown = useRef<{ revision: number; shown: () => void } | null>(null);

  useEffect(() => {
    let live = true;
    let whole = false; // the new SVG is here: a screenful no longer helps
    const sameView = drawnKey.current === shownKey;
    const geometry = api.layout(mapId, revision, shows);
    const first = sameView ? api.screenful(mapId, revision, shows, screenArea()) : null;
    let shown: () => void = () => undefined;
    const onScreen = new Promise<void>((resolve) => {
      shown = resolve;
    });
    quickShown.current = { revision, shown };
    if (first) {
      first.then(
        (shot) => {
          if (!live || whole) return;
          const objectUrl = URL.createObjectURL(shot.blob);
          quickMade.current.push(objectUrl);
          // Decoded off the main thread first, so the frame that shows it does not decode it
          // (and the drawing before it stays on screen until then).
          const decoded = new Image();
          decoding.current.add(objectUrl);
          decoded.src = objectUrl;
          const show = () => {
            decoding.current.delete(objectUrl);
            if (!live || whole) {
              URL.revokeObjectURL(objectUrl);
              quickMade.current = quickMade.current.filter((u) => u !== objectUrl);
              return;
            }
            setQuick({ url: objectUrl, area: shot.area, revision });
            setTimeout(shown, 1000); // in case its image never loads
          };
          decoded.decode().then(show, show);
        },
        shown, // the whole drawing follows anyway
      );
      // The hit areas of the revision coming, once its screenful is painted.
      Promise.all([geometry, onScreen]).then(
        ([g]) => {
          if (!live || whole) return;
          setLayout(g);
          onLayout?.(g);
        },
        () => undefined,
      );
    }
    // A revision no longer shown (a newer one came first) is not asked for.
    const drawing = first
      ? onScreen.then(() => (live ? api.drawing(mapId, revision, shows) : Promise.reject(new Error('not shown'))))
      : api.drawing(mapId, revision, shows);
    Promise.all([drawing, geometry]).then(
      ([blob, geometry]) => {
        whole = true;
        if (!live) return;
        const objectUrl = URL.createObjectURL(blob);
        made.current.push(objectUrl);
        setUrl(objectUrl);
        setQuick(null);
        setLayout(geometry);
        // Another view is another page (an ecomap's paper differs): fit it afresh.
        const sameView = drawnKey.current === shownKey;
        drawnKey.current = shownKey;
        setView((v) => (v && sameView ? v : { x: 0, y: 0, w: geometry.page.width, h: geometry.page.height }));
        onLayout?.(geometry);
        setView((v) => v ?? { x: 0, y: 0, w: geometry.page.width, h: geometry.page.height });
        setFailed(false);
        onLayout?.(geometry);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [mapId, revision, shownKey]);

  if (failed) return <p class="govuk-body govuk-!-padding-3">The map cannot be drawn now.</p>;
  if (!layout || !view) return <p class="govuk-body govuk-!-padding-3">Drawing the map…</p>;

  const page = layout.page;
  const fit = () => setView({ x: 0, y: 0, w: page.width, h: page.height });
  const zoom = (factor: number, cx = view.x + view.w / 2, cy = view.y + view.h / 2) => {
    const w = Math.min(page.width * 4, Math.max(page.width / 20, view.w / factor));
    const h = (w / view.w) * view.h;
    setView({ x: cx - ((cx - view.x) * w) / view.w, y: cy - ((cy - view.y) * h) / view.h, w, h });
  };
  const pan = (dx: number, dy: number) => setView({ ...view, x: view.x + dx * view.w, y: view.y + dy * view.h });
  const toMap = (clientX: number, clientY: number) => {
    const svg = svgRef.current!;
    const point = svg.createSVGPoint();
    point.x = clientX;
    point.y = clientY;
    const m = svg.getScreenCTM();
    return m ? point.matrixTransform(m.inverse()) : point;
  };
  const { scale, x: ox, y: oy } = layout.placement;
  const dropped = () => {
    const m = moving;
    setMoving(null);
    if (!m || Math.hypot(m.dx, m.dy) * scale < 2) return false;
    const node = layout.nodes.find((n) => n.id === m.id);
    if (node && onPin) onPin(m.id, node.x + m.dx, node.y + m.dy);
    return true;
  };
  const px = (x: number) => (x - layout.x0) * scale + ox;
  const py = (y: number) => (y - layout.y0) * scale + oy;

  return (
    <>
      <div class="pm-map-tools" role="toolbar" aria-label="Map view">
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => zoom(1.25)}>Zoom in</button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => zoom(0.8)}>Zoom out</button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={fit}>Fit the map</button>
        <span class="govuk-body-s govuk-!-margin-0">Drag or use the arrow keys to move, + and − to zoom.{onPin ? ' Drag a person to pin them.' : ''}</span>
      </div>
      {layout.warnings?.length ? (
        <div class="govuk-warning-text govuk-!-margin-bottom-1">
          <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
          <p class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">Warning</span>
            The layout could not keep every pin: {layout.warnings.map((w) => w.replace(/^pinned person (\S+)/, (_, id: string) => nameOf(id))).join('; ')}.
          </p>
        </div>
      ) : null}
      <div
        class={`pm-map${dragging ? ' pm-map--dragging' : ''}`}
        tabIndex={0}
        role="group"
        aria-label="Map drawing: arrow keys move, plus and minus zoom, 0 fits. The list of people and places has the same content."
        onKeyDown={(e) => {
          const keys: Record<string, () => void> = {
            ArrowLeft: () => pan(-0.1, 0),
            ArrowRight: () => pan(0.1, 0),
            ArrowUp: () => pan(0, -0.1),
            ArrowDown: () => pan(0, 0.1),
            '+': () => zoom(1.25),
            '=': () => zoom(1.25),
            '-': () => zoom(0.8),
            '0': fit,
          };
          const action = keys[e.key];
          if (action) {
            e.preventDefault();
            action();
          }
        }}
        onWheel={(e) => {
          e.preventDefault();
          const p = toMap(e.clientX, e.clientY);
          zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, p.x, p.y);
        }}
        onPointerDown={(e) => {
          drag.current = { x: e.clientX, y: e.clientY, view, moved: false };
        }}
        onPointerMove={(e) => {
          if (moving) {
            // Captured only once it is a drag, so a plain click still reaches the person.
            const far = Math.hypot(e.clientX - moving.x, e.clientY - moving.y) >= 4;
            if (!far && !moving.captured) return;
            if (!moving.captured) (e.currentTarget as HTMLElement).setPointerCapture(moving.pointer);
            setMoving({ ...moving, captured: true, dx: (e.clientX - moving.x) * moving.unit / scale, dy: (e.clientY - moving.y) * moving.unit / scale });
            return;
          }
          const d = drag.current;
          if (!d || !svgRef.current) return;
          const dx = e.clientX - d.x;
          const dy = e.clientY - d.y;
          if (!d.moved && Math.hypot(dx, dy) < 4) return;
          if (!d.moved) {
            (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
            setDragging(true);
          }
          d.moved = true;
          const box = svgRef.current.getBoundingClientRect();
          const unit = Math.max(d.view.w / box.width, d.view.h / box.height);
          setView({ ...d.view, x: d.view.x - dx * unit, y: d.view.y - dy * unit });
        }}
        onPointerUp={() => {
          if (moving) {
            drag.current = { x: 0, y: 0, view, moved: dropped() };
            return;
          }
          drag.current = null;
          setDragging(false);
        }}
      >
        {/* The drawing in a layer of its own, under the hit areas: a change to them (a selection,
            the next revision's geometry) does not make the browser rasterise the drawing again. */}
        <svg class="pm-map__drawing" viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false">
          {quick ? (
            <image href={quick.url} x={quick.area.x} y={quick.area.y} width={quick.area.w} height={quick.area.h} preserveAspectRatio="none"
              data-screenful={quick.revision}
              elementtiming={`map-screenful-${quick.revision}`}
              onLoad={() => {
                markPainted(quick.revision, true);
                const waiting = quickShown.current;
                // After the frame that shows it; only for the revision whose screenful it is.
                if (waiting?.revision === quick.revision) requestAnimationFrame(() => setTimeout(waiting.shown, 0));
              }}
              onError={() => quickShown.current?.revision === quick.revision && quickShown.current.shown()} />
          ) : (
            <image href={url} x={0} y={0} width={page.width} height={page.height}
              elementtiming={`map-drawing-${revision}`}
              onLoad={() => {
                release(url);
                releaseQuick();
                markPainted(revision, false);
              }} />
          )}
        </svg>
        <svg ref={svgRef} class="pm-map__hits" viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false">
          {layout.regions.map((r) =>
            r.shape === 'line' ? (
              // A scattered group or place: its band is the hit area, wider than drawn.
              <polyline
                key={r.id}
                class={`pm-hit pm-hit--line${selected === r.id ? ' pm-hit--selected' : ''}`}
                points={r.line.map(([x, y]) => `${px(x)},${py(y)}`).join(' ')}
                stroke-width={Math.max(10, 10 * scale)}
                onClick={() => !drag.current?.moved && onSelect(r.id)}
              >
                <title>{nameOf(r.id)}</title>
              </polyline>
            ) : (
              <polygon
                key={r.id}
                class={`pm-hit${selected === r.id ? ' pm-hit--selected' : ''}`}
                points={r.polygon.map(([x, y]) => `${px(x)},${py(y)}`).join(' ')}
                onClick={() => !drag.current?.moved && onSelect(r.id)}
              >
                <title>{nameOf(r.id)}</title>
              </polygon>
            ),
          )}
          {layout.nodes.map((n) => (
            <rect
              key={n.id}
              data-hit={n.id}
              class={`pm-hit${selected === n.id ? ' pm-hit--selected' : ''}`}
              x={px(n.x - n.w / 2) - 2}
              y={py(n.y - n.h / 2) - 2}
              width={n.w * scale + 4}
              height={n.h * scale + 4}
              rx={4}
              onPointerDown={(e) => {
                if (!onPin || n.kind !== 'person' || e.button !== 0) return;
                e.stopPropagation();
                drag.current = null;
                const box = svgRef.current!.getBoundingClientRect();
                setMoving({ id: n.id, x: e.clientX, y: e.clientY, dx: 0, dy: 0, unit: Math.max(view.w / box.width, view.h / box.height), pointer: e.pointerId, captured: false });
              }}
              onClick={() => {
                if (drag.current?.moved) {
                  drag.current = null;
                  return;
                }
                drag.current = null;
                onSelect(n.id);
              }}
            >
              <title>{nameOf(n.id)}</title>
            </rect>
          ))}
          {moving && Math.hypot(moving.dx, moving.dy) > 0 ? (() => {
            const n = layout.nodes.find((k) => k.id === moving.id);
            return n ? (
              <circle class="pm-pin-ghost" cx={px(n.x + moving.dx)} cy={py(n.y + moving.dy)} r={(Math.max(n.w, n.h) * scale) / 2 + 3} />
            ) : null;
          })() : null}
        </svg>
      </div>
      <p class="govuk-visually-hidden">{title}</p>
    </>
  );
}
