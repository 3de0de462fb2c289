/**
 * The chain's cloud address and its store code, as every pairing form asks for
 * them (the first run, the sync screen): how each is typed, its hint, and what
 * the service said about it.
 */
import type { Shown } from '../../core/i18n';
import { useI18n } from '../i18n';
import { TextField } from './TextField';

interface CloudFieldsProps {
  /** `setup` → setup-cloud-url, setup-store-code. */
  testIdPrefix: string;
  cloudUrl: string;
  storeCode: string;
  onCloudUrl(value: string): void;
  onStoreCode(value: string): void;
  errors: { cloudUrl: Shown | null; storeCode: Shown | null };
  /** Locked (a cashier sees the manager's pairing): no hints either. */
  disabled?: boolean;
  autofocus?: boolean;
}

export function CloudFields({
  testIdPrefix,
  cloudUrl,
  storeCode,
  onCloudUrl,
  onStoreCode,
  errors,
  disabled = false,
  autofocus = false,
}: CloudFieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        label={t('pairing.cloudUrl')}
        type="url"
        inputMode="url"
        spellCheck={false}
        disabled={disabled}
        autofocus={autofocus}
        testId={`${testIdPrefix}-cloud-url`}
        value={cloudUrl}
        onChange={onCloudUrl}
        hint={disabled ? null : t('pairing.cloudUrlHint')}
        error={errors.cloudUrl}
      />
      <TextField
        label={t('pairing.storeCode')}
        inputClass="input-code"
        autoCapitalize="characters"
        spellCheck={false}
        disabled={disabled}
        testId={`${testIdPrefix}-store-code`}
        value={storeCode}
        onChange={onStoreCode}
        hint={disabled ? null : t('pairing.storeCodeHint')}
        error={errors.storeCode}
      />
    </>
  );
}
