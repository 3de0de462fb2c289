/**
 * Scan a member card's QR code or an EAN-13 with the till's webcam. While
 * mounted it shows the camera picture, decodes a few frames a second with
 * @zxing/library and reports each code once (again only after the card has
 * been out of view for a moment). Unmounting stops the camera.
 */
import { useEffect, useRef, useState } from 'react';
import type { Locale } from '../../core/i18n';
import { translate } from '../i18n';
import {
  DEFAULT_SYMBOLOGIES,
  isCameraSymbology,
  LuminanceDecoder,
  rgbaToLuma,
} from './barcode-decoder';
import type { CameraSymbology } from './barcode-decoder';
import { RepeatGuard } from './repeat-guard';

export type CameraState =
  'starting' | 'scanning' | 'denied' | 'no-camera' | 'busy' | 'unsupported' | 'failed';

export interface CameraScannerLabels {
  title: string;
  starting: string;
  /** Shown under the live picture. */
  hint: string;
  denied: string;
  noCamera: string;
  busy: string;
  unsupported: string;
  failed: string;
  retry: string;
  close: string;
}

/** The scanner's words in one language, from the message catalogue (`ui.camera.*`). */
export function cameraScannerLabelsIn(locale: Locale): CameraScannerLabels {
  const say = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return {
    title: say('camera.title'),
    starting: say('camera.starting'),
    hint: say('camera.hint'),
    denied: say('camera.denied'),
    noCamera: say('camera.noCamera'),
    busy: say('camera.busy'),
    unsupported: say('camera.unsupported'),
    failed: say('camera.failed'),
    retry: say('camera.retry'),
    close: say('camera.close'),
  };
}

/** In every language (the device harness picks one by its `lang` parameter). */
export const cameraScannerLabels: Record<Locale, CameraScannerLabels> = {
  nb: cameraScannerLabelsIn('nb'),
  en: cameraScannerLabelsIn('en'),
  sv: cameraScannerLabelsIn('sv'),
};

export interface CameraScannerProps {
  /** Called once per code shown to the camera. */
  onScan(code: string): void;
  labels: CameraScannerLabels;
  /** Shows a close button when given. */
  onClose?(): void;
  symbologies?: readonly CameraSymbology[];
  /** How long a code must be out of view before it counts again (ms). */
  repeatAfterMs?: number;
  /** Pause between decoded frames (ms); decoding is the costly part. */
  frameIntervalMs?: number;
  /** A specific camera (from enumerateDevices); otherwise the rear/default one. */
  deviceId?: string;
}

type CameraProblem = Exclude<CameraState, 'starting' | 'scanning'>;

const PROBLEM_LABEL: Record<CameraProblem, keyof CameraScannerLabels> = {
  denied: 'denied',
  'no-camera': 'noCamera',
  busy: 'busy',
  unsupported: 'unsupported',
  failed: 'failed',
};

/** Frames wider than this are scaled down before decoding: plenty for a card at arm's length. */
const MAX_DECODE_WIDTH = 960;

function stateForError(error: unknown): CameraState {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'no-camera';
    case 'NotReadableError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}

function videoConstraints(deviceId: string | undefined): MediaTrackConstraints {
  if (deviceId) return { deviceId: { exact: deviceId } };
  return { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } };
}

const cameraAvailable = (): boolean =>
  typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';

export function CameraScanner({
  onScan,
  labels,
  onClose,
  symbologies = DEFAULT_SYMBOLOGIES,
  repeatAfterMs = 1500,
  frameIntervalMs = 120,
  deviceId,
}: CameraScannerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const latestOnScan = useRef(onScan);
  useEffect(() => {
    latestOnScan.current = onScan;
  });
  const supported = cameraAvailable();
  const [state, setState] = useState<CameraState>('starting');
  const [attempt, setAttempt] = useState(0);
  // The effect restarts on a different list, not on a new array with the same names.
  const symbologyKey = symbologies.join(',');

  useEffect(() => {
    if (!supported) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const decoder = new LuminanceDecoder(symbologyKey.split(',').filter(isCameraSymbology));
    const guard = new RepeatGuard(repeatAfterMs);
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    let luma: Uint8ClampedArray | undefined;
    // Always rendered (hidden until the picture runs), so present from the first effect.
    const element = video.current;

    const decodeFrame = () => {
      if (!context || !element || element.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
      const scale = Math.min(1, MAX_DECODE_WIDTH / element.videoWidth);
      const width = Math.round(element.videoWidth * scale);
      const height = Math.round(element.videoHeight * scale);
      if (width === 0 || height === 0) return;
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      context.drawImage(element, 0, 0, width, height);
      luma = rgbaToLuma(context.getImageData(0, 0, width, height).data, width, height, luma);
      const found = decoder.decode(luma, width, height);
      if (found && guard.accept(found.text, performance.now())) latestOnScan.current(found.text);
    };
    const loop = () => {
      if (stopped) return;
      try {
        decodeFrame();
      } catch (error) {
        // One bad frame must not end scanning; the report says why.
        window.reportError(error);
      }
      timer = setTimeout(loop, frameIntervalMs);
    };

    navigator.mediaDevices.getUserMedia({ audio: false, video: videoConstraints(deviceId) }).then(
      (opened) => {
        // Closed (or restarted) while the camera was opening: hand it straight back.
        if (stopped) return opened.getTracks().forEach((track) => track.stop());
        stream = opened;
        // Unplugged while scanning: say so, and stop decoding the last frozen frame.
        for (const track of opened.getVideoTracks()) {
          track.addEventListener('ended', () => {
            if (stopped) return;
            stopped = true;
            if (timer !== null) clearTimeout(timer);
            setState('no-camera');
          });
        }
        if (element) {
          element.srcObject = opened;
          // Autoplay of a muted stream is allowed; a refusal leaves the picture still, not broken.
          element.play().catch(() => undefined);
        }
        setState('scanning');
        loop();
      },
      (error: unknown) => {
        if (!stopped) setState(stateForError(error));
      },
    );

    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
      if (element) element.srcObject = null;
    };
  }, [supported, attempt, deviceId, symbologyKey, repeatAfterMs, frameIntervalMs]);

  const shown: CameraState = supported ? state : 'unsupported';
  const problem: CameraProblem | null = shown === 'starting' || shown === 'scanning' ? null : shown;
  const retry = () => {
    setState('starting');
    setAttempt((n) => n + 1);
  };

  return (
    <section className="camera-scanner" aria-label={labels.title} data-camera-state={shown}>
      <video
        ref={video}
        className="camera-scanner-video"
        muted
        playsInline
        aria-hidden="true"
        hidden={shown !== 'scanning'}
        style={{ width: '100%', maxHeight: '50vh', objectFit: 'contain', background: '#000' }}
      />
      {shown === 'starting' && <p role="status">{labels.starting}</p>}
      {shown === 'scanning' && <p role="status">{labels.hint}</p>}
      {problem !== null && (
        <div className="notice notice-warn" role="alert" data-testid="camera-problem">
          {labels[PROBLEM_LABEL[problem]]}
        </div>
      )}
      <div className="camera-scanner-actions">
        {problem !== null && problem !== 'unsupported' && (
          <button type="button" className="btn" onClick={retry}>
            {labels.retry}
          </button>
        )}
        {onClose && (
          <button type="button" className="btn" onClick={onClose}>
            {labels.close}
          </button>
        )}
      </div>
    </section>
  );
}
