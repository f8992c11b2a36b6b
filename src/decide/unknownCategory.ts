import { categoryRow, type SanbaoTable } from "../policy/format/sanbaoTable.js";
import type { RequestedLine } from "./requestedLines.js";
import type { UnknownCategory } from "./types.js";

/**
 * A line whose category the policy's category table does not know (by key or alias). It is
 * reported, never silently read as "outside the 三包 catalogue": a platform's own name for a
 * phone would otherwise lose what the catalogue gives it.
 */
export function unknownCategoryOf(line: RequestedLine, table: SanbaoTable): UnknownCategory | undefined {
  const category = line.item.category;
  if (categoryRow(table, category) !== undefined) return undefined;
  return {
    path: `order.items[${line.itemIndex}].category`,
    message: {
      "zh-CN": `品类表不认识品类“${category}”：不作三包目录外处理；请在品类表中补充该品类或别名`,
      en: `The category table does not know the category "${category}": it is not taken as outside the 三包 catalogue; add the category or an alias to the table`,
    },
  };
}
