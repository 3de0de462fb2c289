/**
 * A page that mounts the renderer's device modules on their own, the way the
 * till does (StrictMode, controlled inputs), for the devices end-to-end tests.
 * `?camera` opens the camera at once; `&device=ID` asks for one camera;
 * `&lang=en` switches the camera's labels.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CameraScanner, cameraScannerLabels } from '../../../src/ui/devices/camera-scanner';
import { useHidScanner } from '../../../src/ui/devices/hid-wedge';

declare global {
  interface Window {
    /** Every stream the page opened, so a test can see the camera was stopped. */
    openedStreams: MediaStream[];
    /** How many times the page asked for a camera. */
    cameraRequests: number;
  }
}

const params = new URLSearchParams(window.location.search);

// Watch (not replace) getUserMedia: the real camera is still what answers.
window.openedStreams = [];
window.cameraRequests = 0;
const media = navigator.mediaDevices as MediaDevices | undefined;
if (media) {
  const getUserMedia = media.getUserMedia.bind(media);
  media.getUserMedia = async (constraints) => {
    window.cameraRequests += 1;
    const stream = await getUserMedia(constraints);
    window.openedStreams.push(stream);
    return stream;
  };
}

function List({ testId, items }: { testId: string; items: string[] }) {
  return (
    <ol data-testid={testId}>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ol>
  );
}

function HidHarness() {
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState<string[]>([]);
  const [scans, setScans] = useState<string[]>([]);
  const [enabled, setEnabled] = useState(true);
  useHidScanner((code) => setScans((all) => [...all, code]), { enabled });
  return (
    <section>
      <h2>HID</h2>
      <input
        data-testid="text"
        aria-label="Søk"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // What the field's own Enter handler sees: React's value at that moment.
          if (event.key === 'Enter') setSubmitted((all) => [...all, text]);
        }}
      />
      <output data-testid="react-value">{text}</output>
      <textarea data-testid="notes" aria-label="Notater" defaultValue="" />
      <button
        type="button"
        data-testid="button"
        onClick={() => setSubmitted((all) => [...all, 'clicked'])}
      >
        Knapp
      </button>
      <label>
        <input
          type="checkbox"
          data-testid="hid-enabled"
          checked={enabled}
          onChange={(event) => setEnabled(event.target.checked)}
        />
        HID on
      </label>
      <List testId="scans" items={scans} />
      <List testId="submitted" items={submitted} />
    </section>
  );
}

function CameraHarness() {
  const [open, setOpen] = useState(params.has('camera'));
  const [codes, setCodes] = useState<string[]>([]);
  const labels = cameraScannerLabels[params.get('lang') === 'en' ? 'en' : 'nb'];
  return (
    <section>
      <h2>Camera</h2>
      <button type="button" data-testid="camera-toggle" onClick={() => setOpen((o) => !o)}>
        {open ? 'Skjul' : 'Vis'} kamera
      </button>
      {open && (
        <CameraScanner
          labels={labels}
          deviceId={params.get('device') ?? undefined}
          onScan={(code) => setCodes((all) => [...all, code])}
          onClose={() => setOpen(false)}
        />
      )}
      <List testId="camera-scans" items={codes} />
    </section>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('harness: no #root');
createRoot(root).render(
  <StrictMode>
    <HidHarness />
    <CameraHarness />
  </StrictMode>,
);
