import { SNAKE_CASE } from "../../_lib/namePatterns.js";
import { z } from "zod";
import { Message } from "./eventSchemas.js";

const months = z.number().int().min(0).max(1200);

/**
 * One row of the category table: what the law (or, where `statutory` is false, a service
 * standard) says about a category's goods.
 */
export const CategoryRow = z.strictObject({
  /**
   * The row is a 三包 catalogue row (a state rule: 部分商品三包, 手机三包, 微机三包 …): its goods get
   * the 三包 7-day return, 15-day exchange and period. `false`: no catalogue names these goods
   * (earphones, cosmetics); the row only records other data, and 消保法 art. 24 governs their
   * quality faults. Default `true` (a row of a table written before this column).
   */
  statutory: z.boolean().optional(),
  /** Whole-unit 三包 period (months); null where the rule gives return/exchange only, or none. */
  warrantyMonths: months.nullable(),
  /** Periods of named parts (main parts, battery, charger …) where they differ from the whole unit. */
  parts: z.record(z.string().regex(SNAKE_CASE), months).optional(),
  /**
   * The goods carry a necessary one-time (hygienic) seal: breaking it voids intactness for a
   * no-reason return (暂行办法 art. 9: food and health food, cosmetics, medical devices,
   * contraceptives). Goods without it stay intact when their package is opened to inspect.
   */
  oneTimeSeal: z.boolean().optional(),
  /** Other names platforms send for this category (手机, phone): matched like the key. */
  aliases: z.array(z.string().min(1).max(200)).max(100).optional(),
  citation: Message,
});
export type CategoryRowT = z.infer<typeof CategoryRow>;

/** The category table file (三包 and intactness data the bundled rules read through facts), editable. */
export const SanbaoTableSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().min(1),
    version: z.string().min(1),
    description: z.string().optional(),
    categories: z.record(z.string().regex(SNAKE_CASE), CategoryRow),
  })
  .superRefine((table, ctx) => {
    // A name (key or alias, as matched) may lead to one row only.
    const owner = new Map<string, string>();
    for (const [key, row] of Object.entries(table.categories)) {
      if (row.statutory === false && (row.warrantyMonths !== null || row.parts !== undefined)) {
        ctx.addIssue({ code: "custom", path: ["categories", key, "warrantyMonths"], message: "non_catalogue_row_with_period", params: { code: "invalid_input", rule: "non_catalogue_row_with_period" } });
      }
      const names = [key, ...(row.aliases ?? [])];
      names.forEach((name, n) => {
        const matched = categoryName(name);
        const first = owner.get(matched);
        if (first !== undefined && first !== key) {
          ctx.addIssue({ code: "custom", path: n === 0 ? ["categories", key] : ["categories", key, "aliases", n - 1], message: "name_taken", params: { code: "invalid_input", rule: "name_taken", name, category: first } });
        } else owner.set(matched, key);
      });
    }
  })
  .meta({ id: "SanbaoTable" });
export type SanbaoTableFile = z.infer<typeof SanbaoTableSchema>;

/** A category row as the decision reads it. */
export interface SanbaoCategory {
  /** The table's key for the category (the name a platform sent may be an alias). */
  readonly key: string;
  /** A 三包 catalogue row (see `CategoryRow.statutory`). */
  readonly statutory: boolean;
  /** Whole-unit 三包 period; null where the catalogue gives return/exchange only, or none. */
  readonly warrantyMonths: number | null;
  readonly parts: Readonly<Record<string, number>>;
  readonly oneTimeSeal: boolean;
}

/** The category table by every name it matches (keys and aliases, as `categoryName` spells them). */
export type SanbaoTable = Readonly<Record<string, SanbaoCategory>>;

/**
 * How a category name is matched: case, surrounding space and the separators platforms use
 * (`Mobile_Phone`, `mobile phone`, `mobile-phone`) do not matter.
 *
 * @example
 * categoryName(" Mobile-Phone ") //=> "mobile_phone"
 */
export function categoryName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/** The table the decision reads: one row object per category, reachable by its key and aliases. */
export function categoryTableOf(file: SanbaoTableFile): SanbaoTable {
  // No prototype: an alias such as "__proto__" is a name like any other.
  const table = Object.create(null) as Record<string, SanbaoCategory>;
  for (const [key, row] of Object.entries(file.categories)) {
    const category: SanbaoCategory = { key, statutory: row.statutory ?? true, warrantyMonths: row.warrantyMonths, parts: row.parts ?? {}, oneTimeSeal: row.oneTimeSeal === true };
    table[categoryName(key)] = category;
    for (const alias of row.aliases ?? []) table[categoryName(alias)] = category;
  }
  return table;
}

/** The row a line's category names, if the table knows it (exactly, else as `categoryName` spells it). */
export function categoryRow(table: SanbaoTable, category: string): SanbaoCategory | undefined {
  if (Object.hasOwn(table, category)) return table[category];
  const name = categoryName(category);
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
