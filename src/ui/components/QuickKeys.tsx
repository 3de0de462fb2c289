/** One tap per everyday item (bread, coffee): the catalogue's quick-key products. */
import type { Product } from '../../core/catalogue';
import { useI18n } from '../i18n';

export function QuickKeys({
  products,
  onPick,
}: {
  products: Product[];
  onPick(product: Product): void;
}) {
  const { t, money } = useI18n();
  const keys = products.filter((p) => p.quickKey);
  if (keys.length === 0) return null;
  return (
    <section className="panel quick-keys-panel" aria-label={t('checkout.quickKeys')}>
      <div className="quick-keys">
        {keys.map((product) => (
          <button
            key={product.sku}
            type="button"
            className="btn quick-key"
            data-testid={`quick-key-${product.sku}`}
            title={product.name}
            onClick={() => onPick(product)}
          >
            <span>{product.name}</span>
            <small>{money(product.priceOre)}</small>
          </button>
        ))}
      </div>
    </section>
  );
}
