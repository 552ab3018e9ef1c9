#pragma once
// The activation sheet: one card per new account, eight to an A4 page, cut
// along the dashed lines and handed to each member. A card carries the name,
// the username, the one-time code, when it expires and a QR code that opens
// the activation page with the code filled in. Each cell starts a new page.
#include <string>
#include <vector>

#include "domain/result.h"

namespace chibo {

struct ActivationCard {
  std::string member_name;
  std::string cell_name;
  std::string username;
  std::string code;          // "K7QX-M3PD-9WTA"
  std::string expires;       // dd/mm/yyyy
  std::string activate_url;  // the QR target: <base>/#/activate?code=…
};

// PDF bytes. `site` is the address members type when they cannot scan
// (printed under the QR code). bad_request when `cards` is empty.
Result<std::string> renderActivationSheet(const std::vector<ActivationCard>& cards, const std::string& site);

}  // namespace chibo
