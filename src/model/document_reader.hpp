// Private to the model: DocumentReader, pass 1 and pass 2 over one document tree.
//
// Reading is two passes over one nlohmann::json tree. Pass 1 walks each section with an
// ObjectReader (closed objects, typed getters that record problems) and collects every id and
// every reference; pass 2 resolves the references and adds the whole-document warnings.
// The passes live in document_reader.cpp, the sections in section_readers.cpp and the
// warnings in picture_warnings.cpp.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/document.hpp"
#include "model/field_reader.hpp"
#include "model/id_registry.hpp"
#include "model/json_io.hpp"

namespace peermap::model::detail {

class DocumentReader {
 public:
  DocumentReader(const ParseOptions& options, Context& context)
      : options_(options), context_(context) {}

  //! Both passes over a whole document; the problems are in the Context's log.
  Document read(const json& root) &&;

  //! Pass 1 for one item alone, at `pointer`, as if the map's date were `map_date`: `section` is
  //! "map" or the name of a section. False for a name that is neither.
  bool read_alone(std::string_view section, const json& value, const std::string& pointer,
                  const std::optional<Date>& map_date);

  //! Everything of what read_alone() read that reaches beyond its item: the ids it entered, its
  //! references, the keys it claimed (tie ends, ecomap centres, pins), the map's date, and what
  //! pass 2 reads. Two reads of one item with equal footprints affect the rest of the document
  //! in the same way.
  [[nodiscard]] std::string footprint() const;

  [[nodiscard]] const std::optional<Date>& map_date() const { return map_date_; }

 private:
  template <typename T, typename ReadOne>
  void section(ObjectReader& top, std::string_view field, std::vector<T>& items, ReadOne read_one);
  void read_sections(ObjectReader& top);

  // ----- the sections (section_readers.cpp)
  MapInfo read_map(ObjectReader& r);
  Person read_person(ObjectReader& r);
  //! The date of birth decides adulthood at the map date; an explicit flag must agree.
  void check_age(ObjectReader& r, const Person& person);
  Location read_location(ObjectReader& r);
  Group read_group(ObjectReader& r);
  Tie read_tie(ObjectReader& r);
  void check_tie_ends(ObjectReader& r, const Tie& tie);
  void read_relationship(ObjectReader& r, Tie& tie);
  //! {"by": id} or {"leader": id}: the direction is the point, so `true`, {} or a missing key
  //! is an error, and the id must be one of the tie's two people.
  std::optional<std::string> read_direction(ObjectReader& tie_reader, const Tie& tie,
                                            std::string_view field, std::string_view key,
                                            std::string_view who);
  InformationItem read_information(ObjectReader& r);
  //! The scheme decides which fields the grading has, so it is read before the rest.
  Grading read_grading(ObjectReader& r);
  Handling read_handling(ObjectReader& r);
  Sighting read_sighting(ObjectReader& r);
  RiskOrStrength read_risk(ObjectReader& r);
  InformationGap read_gap(ObjectReader& r);
  Action read_action(ObjectReader& r);
  Meeting read_meeting(ObjectReader& r);
  Ecomap read_ecomap(ObjectReader& r);
  Pin read_pin(ObjectReader& r);

  // ----- shared checks (section_readers.cpp)
  void check_full_name(const std::string& where, const std::string& name, std::string_view fix);
  void not_in_future(const std::string& where, std::string_view field,
                     const std::optional<Date>& date);
  void not_before(const std::string& where, std::string_view field, const Date& date,
                  std::string_view other_field, const Date& other);

  // ----- pass 2 (picture_warnings.cpp)
  void warn_about_gaps_in_the_picture();
  //! Seeing two people together is evidence of a relationship the map does not show yet.
  void warn_untied_sighting(const std::string& where, const Sighting& sighting,
                            const std::set<std::string, std::less<>>& people,
                            const std::set<std::pair<std::string, std::string>>& related);

  const ParseOptions& options_;
  Context& context_;
  Document document_;
  std::optional<Date> map_date_;
  std::map<std::string, std::string> tie_ends_;
  std::map<std::string, std::string> ecomap_centres_;
  std::map<std::string, std::string> pinned_;
};

}  // namespace peermap::model::detail
