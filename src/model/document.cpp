#include "model/document.hpp"

#include <algorithm>

namespace peermap::model {
namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
  const auto found =
      std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  return found == items.end() ? nullptr : &*found;
}

constexpr int kAdultAge = 18;

}  // namespace

const Person* Document::find_person(const std::string& id) const { return find_by_id(people, id); }

const Location* Document::find_location(const std::string& id) const {
  return find_by_id(locations, id);
}

const Group* Document::find_group(const std::string& id) const { return find_by_id(groups, id); }

const Ecomap* Document::find_ecomap(const std::string& centre) const {
  const auto found = std::find_if(ecomaps.begin(), ecomaps.end(),
                                  [&](const Ecomap& ecomap) { return ecomap.centre == centre; });
  return found == ecomaps.end() ? nullptr : &*found;
}

bool Document::is_subject(const std::string& person_id) const {
  return std::find(map.subject_children.begin(), map.subject_children.end(), person_id) !=
         map.subject_children.end();
}

bool is_adult(const Person& person, const Date& map_date) {
  if (person.date_of_birth) {
    return age_on(*person.date_of_birth, map_date) >= kAdultAge;
  }
  if (person.adult) {
    return *person.adult;
  }
  // A known band decides either way: a 16-17 "adult of concern" is still a child.
  if (!person.age_band.empty() && person.age_band != "unknown") {
    return person.age_band == "18-24" || person.age_band == "25+";
  }
  return person.role == Role::AdultOfConcern || person.role == Role::Professional;
}

AgeClass age_class(const Person& person, const Date& on) {
  const bool by_role = person.role == Role::AdultOfConcern || person.role == Role::Professional ||
                       person.role == Role::SubjectChild;
  const bool known = person.date_of_birth || person.adult ||
                     (!person.age_band.empty() && person.age_band != "unknown") || by_role;
  if (!known) return AgeClass::NotKnown;
  return is_adult(person, on) ? AgeClass::Adult : AgeClass::Child;
}

int age_on(const Date& birth, const Date& on) {
  int age = on.year - birth.year;
  // A 29 February birthday falls on 1 March in other years (as in UK law), which this gives.
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) {
    --age;
  }
  return age;
}

}  // namespace peermap::model
