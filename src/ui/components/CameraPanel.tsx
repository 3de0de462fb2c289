/**
 * The camera scanner in the till's language. Loaded on demand: the barcode
 * decoder is large, and most tills scan with a handheld scanner.
 */
import { CameraScanner, cameraScannerLabelsIn } from '../devices/camera-scanner';
import { useI18n } from '../i18n';

export default function CameraPanel({
  onScan,
  onClose,
}: {
  onScan(code: string): void;
  onClose(): void;
}) {
  const { locale } = useI18n();
  return <CameraScanner labels={cameraScannerLabelsIn(locale)} onScan={onScan} onClose={onClose} />;
}
