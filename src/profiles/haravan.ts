// Haravan's customer file, Shopify-style headers: research/vietnam-data.md §5.5, exact headers not found: UNSURE.
import type { Profile } from "./types.js";

export const HARAVAN = {
  id: "haravan",
  name: "Haravan",
  certainty: "unsure",
  signature: ["First Name", "Last Name", "Accepts Marketing"],
  columns: [
    { header: "First Name", target: "firstName" },
    { header: "Last Name", target: "lastName" },
    { header: "Email", target: "general_info.email" },
    { header: "Company" },
    { header: "Address1", target: "address.address" },
    { header: "Address2" },
    // a district or a city in Vietnamese use: not guessed
    { header: "City" },
    { header: "Province", target: "address.province" },
    { header: "Province Code" },
    { header: "Country", target: "address.country" },
    // an ISO country code (VN), not a dialing code
    { header: "Country Code" },
    { header: "Zip", target: "address.zip_code" },
    { header: "Phone", target: "general_info.phone" },
    { header: "Accepts Marketing" },
    { header: "Total Spent" },
    { header: "Total Orders" },
    { header: "Tags", target: "general_info.custom_tag" },
    { header: "Note" },
    { header: "Tax Exempt" },
  ],
} as const satisfies Profile;
