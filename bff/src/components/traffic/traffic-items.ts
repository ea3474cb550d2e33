/** The two online items this feature files (names as the catalog publishes them), and what their forms hold. */
export const DOWNGRADE_ITEM_NAME = '机动车驾驶证自愿降低准驾车型换证';
export const MORTGAGE_RELEASE_ITEM_NAME = '机动车解除抵押登记';
/** The downgrade item's form field that lists the allowed "from-to" pairs. */
export const DOWNGRADE_FIELD = 'jjcx';
/** The release material as the catalog names it; the lender's record stands for it. */
export const RELEASE_MATERIAL_NAME = '抵押权人出具的解除抵押书面材料';
